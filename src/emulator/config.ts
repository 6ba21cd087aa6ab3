/**
 * Validates an emulator config (the file behind `lambda-cost emulator --config`) and fills in
 * defaults, so a config can name only what matters to it. Errors name the field:
 * `functions[0].memorySize must be at least 128 (got 64)`.
 */
import * as z from "zod/mini";
import { ConfigError } from "../core/errors.js";
import { LAMBDA_DEFAULTS, LAMBDA_LIMITS } from "../core/lambda-limits.js";
import { describeIssues } from "../core/validation/zod-issues.js";
import type { EmulatorConfig } from "./types.js";

const { memoryMb, ephemeralStorageMb, timeoutS, durationMs } = LAMBDA_LIMITS;
const num = (min: number, max: number) => z.number().check(z.gte(min), z.lte(max));
const int = (min: number, max: number) => z.int().check(z.gte(min), z.lte(max));
const share = () => z._default(num(0, 1), 0);

const architecture = z.enum(["x86_64", "arm64"]);

const modelSchema = z.strictObject({
  fixedMs: z._default(num(0, durationMs.max), 0),
  cpuMs: z._default(num(0, 10_000_000), 0),
  parallelCpuMs: z._default(num(0, 10_000_000), 0),
  threads: z._default(int(1, 1024), 1),
  initMs: z._default(num(0, durationMs.max), 0),
  memoryUsedMb: z._default(num(1, memoryMb.max), 64),
  gcPressure: z._default(num(0, 100), 0),
  noiseCv: z._default(num(0, 5), 0),
  errorRate: share(),
  arm64CpuFactor: z._default(num(0.01, 100), 1),
  appLogLines: z.optional(z.array(z.string())),
});

const monthSchema = z.strictObject({
  month: z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/, "must be YYYY-MM")),
  invocationsPerDay: z.int().check(z.gte(0), z.lte(1e12)),
  avgDurationMs: num(0, durationMs.max),
  provisionedShare: z.optional(num(0, 1)),
  provisionedUtilization: z.optional(num(0, 1)),
  spilloverShare: z.optional(num(0, 1)),
  logBytesPerInvocation: z.optional(int(0, 262_144)),
  oomCount: z.optional(int(0, 1e12)),
});

// The retention periods PutRetentionPolicy accepts (CloudWatch Logs API reference).
const RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288,
  3653,
] as const;

const functionSchema = z.strictObject({
  name: z.string().check(z.regex(/^[a-zA-Z0-9-_]{1,64}$/, "must be 1-64 letters, digits, - or _")),
  region: z._default(
    z.string().check(z.regex(/^[a-z]{2}(-[a-z]+)+-\d$/, "must be a region")),
    "us-east-1",
  ),
  memorySize: z._default(int(memoryMb.min, memoryMb.max), LAMBDA_DEFAULTS.memoryMb),
  timeout: z._default(int(timeoutS.min, timeoutS.max), LAMBDA_DEFAULTS.timeoutS),
  architecture: z._default(architecture, "x86_64"),
  ephemeralStorage: z._default(
    int(ephemeralStorageMb.min, ephemeralStorageMb.max),
    LAMBDA_DEFAULTS.ephemeralStorageMb,
  ),
  logFormat: z._default(z.enum(["Text", "JSON"]), "Text"),
  runtime: z._default(z.string(), "nodejs20.x"),
  packageType: z._default(z.enum(["Zip", "Image"]), "Zip"),
  layers: z.optional(
    z.array(
      z.strictObject({
        arn: z
          .string()
          .check(
            z.regex(
              /^arn:[a-zA-Z0-9-]+:lambda:[a-zA-Z0-9-]+:\d{12}:layer:[a-zA-Z0-9-_]+:[0-9]+$/,
              "must be a layer version ARN (arn:aws:lambda:REGION:ACCOUNT:layer:NAME:VERSION)",
            ),
          ),
        compatibleArchitectures: z.array(architecture).check(z.minLength(1), z.maxLength(2)),
      }),
    ),
  ),
  // Up to Lambda's 250 MB unzipped quota; the emulator's S3 keeps at most 64 MB an object.
  codeSizeBytes: z.optional(int(1, 262_144_000)),
  imageArchitectures: z.optional(z.array(architecture).check(z.minLength(1), z.maxLength(2))),
  logRetentionDays: z.optional(
    z.int().check(
      z.refine((days) => (RETENTION_DAYS as readonly number[]).includes(days), {
        message: `must be one of ${RETENTION_DAYS.join(", ")}, the retention periods CloudWatch Logs accepts`,
      }),
    ),
  ),
  description: z.optional(z.string()),
  tags: z.optional(z.record(z.string(), z.string())),
  model: z.prefault(modelSchema, {}),
  history: z.optional(z.array(monthSchema)),
  provisionedConcurrency: z.optional(
    z.array(
      z.strictObject({
        // At start a function has one published version (1), made for these configs.
        qualifier: z
          .string()
          .check(
            z.regex(/^(1|(?!\d+$)[a-zA-Z0-9-_]{1,128})$/, "must be an alias name or version 1"),
          ),
        amount: int(1, 100_000),
      }),
    ),
  ),
});

const faultsSchema = z.strictObject({
  throttleRate: share(),
  serviceErrorRate: share(),
  updateLatencyMs: z._default(num(0, 3_600_000), 0),
  cloudwatchThrottleRate: share(),
  logsThrottleRate: share(),
  concurrentDeploys: z.optional(
    z.array(
      z.strictObject({
        functionName: z.string(),
        region: z.optional(z.string()),
        afterRequests: int(0, 1e9),
        patch: z.strictObject({
          MemorySize: z.optional(int(memoryMb.min, memoryMb.max)),
          Timeout: z.optional(int(timeoutS.min, timeoutS.max)),
          Description: z.optional(z.string()),
          Environment: z.optional(
            z.strictObject({ Variables: z.optional(z.record(z.string(), z.string())) }),
          ),
        }),
      }),
    ),
  ),
  failingRegions: z.optional(z.array(z.string())),
  failRequests: z.optional(
    z.array(
      z.strictObject({
        action: z.string(),
        nth: int(1, 1e9),
        times: z._default(int(1, 1e9), 1),
        code: z._default(
          z.enum([
            "ServiceException",
            "InvalidParameterValueException",
            "ResourceConflictException",
          ]),
          "InvalidParameterValueException",
        ),
      }),
    ),
  ),
});

const accountIdSchema = () => z.string().check(z.regex(/^\d{12}$/, "must be 12 digits"));

/** Further accounts of the organisation (issue 15); the top-level accountId is the management account. */
const accountSchema = z.strictObject({
  accountId: accountIdSchema(),
  name: z.optional(z.string()),
  email: z.optional(z.string()),
  /** Organizations' account State (the deprecated Status is derived from it). */
  state: z._default(z.enum(["ACTIVE", "SUSPENDED", "PENDING_CLOSURE", "CLOSED"]), "ACTIVE"),
  /** Roles AssumeRole may take in this account (default: OrganizationAccountAccessRole). */
  roles: z.optional(
    z.array(z.string().check(z.regex(/^[\w+=,.@-]{1,64}$/, "must be a role name"))),
  ),
  functions: z._default(z.array(functionSchema), []),
});

/** A difference between the "billed" month Cost Explorer answers and what the metrics show. */
const billedAdjustmentSchema = z.strictObject({
  accountId: accountIdSchema(),
  month: z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/, "must be YYYY-MM")),
  /** e.g. "USE2-Lambda-GB-Second", "Lambda-GB-Second-ARM", or any other usage type. */
  usageType: z.string().check(z.regex(/^[\w:.-]{1,128}$/, "must be a usage type")),
  /** Dollars added to that usage type's cost (negative for a credit), a decimal string. */
  amountUsd: z.string().check(z.regex(/^-?\d{1,12}(\.\d{1,12})?$/, "must be a decimal string")),
  usageQuantity: z._default(
    z.string().check(z.regex(/^\d{1,18}(\.\d{1,12})?$/, "must be a decimal string")),
    "0",
  ),
});

export const emulatorConfigSchema = z.strictObject({
  seed: z._default(z.int(), 1),
  accountId: z._default(z.string().check(z.regex(/^\d{12}$/, "must be 12 digits")), "123456789012"),
  timeScale: z._default(num(0, 1000), 0),
  concurrencyLimit: z.optional(int(1, 1_000_000)),
  logsQueryConcurrencyLimit: z.optional(int(1, 1000)),
  environmentIdleMs: z.optional(num(0, 86_400_000)),
  faults: z.prefault(faultsSchema, {}),
  allowedActions: z.optional(z.array(z.string())),
  functions: z._default(z.array(functionSchema), []),
  accounts: z.optional(z.array(accountSchema)),
  billedAdjustments: z.optional(z.array(billedAdjustmentSchema)),
});

/** What a config may leave out: everything with a default. */
export type EmulatorConfigInput = z.input<typeof emulatorConfigSchema>;

/**
 * Validates and fills defaults; throws ConfigError naming the first bad field, after `what`
 * (the CLI gives `--config FILE`, so the line names the file as for every other user file).
 * @example emulatorConfig({ functions: [{ name: "f", memorySize: 1024 }] }).faults.throttleRate // 0
 */
export function emulatorConfig(input: unknown, what = "emulator config"): EmulatorConfig {
  const result = emulatorConfigSchema.safeParse(input);
  if (!result.success) {
    const line = describeIssues(result.error.issues, input, emulatorConfigSchema);
    throw new ConfigError(`${what}: ${line}`);
  }
  const config = result.data as EmulatorConfig;
  noDuplicateFunctions(config.functions, "functions", what);
  const accounts = new Set<string>();
  config.accounts?.forEach((account, i) => {
    if (accounts.has(account.accountId)) {
      throw new ConfigError(
        `${what}: accounts[${i}].accountId "${account.accountId}" is already an account; give each account once`,
      );
    }
    accounts.add(account.accountId);
    noDuplicateFunctions(account.functions, `accounts[${i}].functions`, what);
  });
  return config;
}

function noDuplicateFunctions(
  functions: readonly { region: string; name: string }[],
  at: string,
  what: string,
) {
  const seen = new Set<string>();
  functions.forEach((fn, i) => {
    const key = `${fn.region}/${fn.name}`;
    if (seen.has(key)) {
      throw new ConfigError(
        `${what}: ${at}[${i}].name "${fn.name}" is already a function in ${fn.region}; give each function of a region its own name`,
      );
    }
    seen.add(key);
  });
}
