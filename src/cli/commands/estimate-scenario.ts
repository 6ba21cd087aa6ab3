/**
 * Scenario files for `estimate --scenario`: several functions (possibly in several regions and
 * architectures) priced as one account. JSON, or YAML for .yaml/.yml. Every problem is one
 * UsageError naming the file and the field.
 *
 * ```yaml
 * freeTier: true                # optional; --no-free-tier always wins
 * functions:
 *   - name: api
 *     region: eu-west-1         # optional: --region, $AWS_REGION, us-east-1
 *     architecture: arm64       # optional: --arch, x86_64
 *     memoryMb: 1536
 *     requests: 3M              # on-demand invocations a month: number or "3M", "500k"
 *     duration: 120ms           # number of ms or "120ms", "1.5s"
 *     ephemeralStorageMb: 1024  # optional
 *     coldStartRate: 0.02       # optional, with initDuration
 *     initDuration: 400ms
 *     provisioned: { concurrency: 5, hours: 730, requests: 1M, duration: 80ms }  # optional
 *     # optional lines (./estimate-scenario-lines.ts; docs/estimate.md): runtime, snapStart,
 *     # streaming, edge, tenantIsolation, durable, managedInstances, logs
 * eventPollers: [{ source: kafka, epuHours: 800 }]   # optional, in the default region
 * streamingFreeGiB: 0           # optional; response-streaming GiB still free this month
 * ```
 */
import * as z from "zod/mini";
import { UsageError } from "../../core/errors.js";
import { LAMBDA_LIMITS, type LimitRange } from "../../core/lambda-limits.js";
import type { AccountUsage } from "../../core/pricing/extra-usage.js";
import type { Architecture, FunctionUsage } from "../../core/pricing/types.js";
import { validateUsage } from "../../core/pricing/usage-validation.js";
import { formatPath } from "../../core/validation/issue-path.js";
import { describeIssues } from "../../core/validation/zod-issues.js";
import { checkNesting, readInputFile } from "../input-file.js";
import { parseInitDurationMs, parseInvocationDurationMs } from "../lambda-usage-options.js";
import { parseCount } from "../parse.js";
import {
  accountLineFields,
  convert,
  count,
  functionLineFields,
  toAccountUsage,
  toLineUsage,
} from "./estimate-scenario-lines.js";

/** About 13,000 functions; a real account is far below. A 50 MB file once took a minute and 3.4 GB. */
export const SCENARIO_MAX_BYTES = 1024 * 1024;

// Counts and durations are checked by the flag parsers (convert below): one set of rules.
const duration = z.union([z.number(), z.string()], {
  error: 'must be a duration: a number of ms or text such as "120ms", "1.5s"',
});

/** A whole number within [min, max], with one message for every way of missing it. */
function intRange({ min, max }: LimitRange) {
  const error = `must be a whole number from ${min} to ${max}`;
  return z.int({ error }).check(z.gte(min, { error }), z.lte(max, { error }));
}

const { hoursPerMonth } = LAMBDA_LIMITS;

const functionSchema = z.strictObject({
  // The name is printed in the table: a control character (an ANSI escape, a newline) would
  // recolour or clear the terminal or break the table's rows, and a name is a label, not prose.
  name: z.optional(
    z
      .string()
      .check(
        z.minLength(1),
        z.maxLength(128),
        z.regex(
          /^[^\p{Cc}\p{Cf}\p{Zl}\p{Zp}]*$/u,
          "must not hold control or formatting characters",
        ),
      ),
  ),
  region: z.optional(z.string()),
  architecture: z.optional(z.enum(["x86_64", "arm64"])),
  memoryMb: intRange(LAMBDA_LIMITS.memoryMb),
  requests: count,
  duration,
  ephemeralStorageMb: z.optional(intRange(LAMBDA_LIMITS.ephemeralStorageMb)),
  coldStartRate: z.optional(
    z.number({ error: "must be a number from 0 to 1" }).check(z.gte(0), z.lte(1)),
  ),
  initDuration: z.optional(duration),
  provisioned: z.optional(
    z.strictObject({
      concurrency: intRange(LAMBDA_LIMITS.provisionedConcurrency),
      hours: z.optional(
        z
          .number({ error: `must be a number of hours from 0 to ${hoursPerMonth.max}` })
          .check(z.gte(hoursPerMonth.min), z.lte(hoursPerMonth.max)),
      ),
      requests: z.optional(count),
      duration: z.optional(duration),
    }),
  ),
  ...functionLineFields,
});

const scenarioSchema = z.strictObject({
  freeTier: z.optional(z.boolean()),
  functions: z.array(functionSchema).check(z.minLength(1)),
  ...accountLineFields,
});

export interface Scenario {
  freeTier: boolean | undefined;
  usages: FunctionUsage[];
  account: AccountUsage;
}

async function parseScenarioText(file: string, text: string): Promise<unknown> {
  const isYaml = /\.ya?ml$/i.test(file);
  checkNesting(text, `--scenario ${file}`, isYaml ? "yaml" : "json");
  try {
    if (!isYaml) return JSON.parse(text);
    // YAML is parsed only when a YAML file is given: the library is not needed otherwise.
    const yaml = await import("yaml");
    // Bundled, the CommonJS build of `yaml` arrives as a default export.
    const { parseDocument } =
      (yaml as unknown as { default?: typeof yaml }).default ?? (yaml as typeof yaml);
    const document = parseDocument(text);
    // A warning (an unknown tag such as !!js/function) is refused like an error: parse() would
    // print it on stderr as Node's warning of several lines and go on with the plain text.
    const problem = document.errors[0] ?? document.warnings[0];
    if (problem) throw problem;
    return document.toJS();
  } catch (error) {
    // yaml's first line ends "at line 4, column 12:" before an excerpt of several lines.
    const first = (error as Error).message.split("\n")[0]?.replace(/:$/, "");
    throw new UsageError(`--scenario ${file}: not valid ${isYaml ? "YAML" : "JSON"} (${first})`);
  }
}

/**
 * Reads and validates a scenario file. `defaults` fill a function's region and architecture
 * when it names none.
 */
export async function loadScenario(
  file: string,
  defaults: { region: string; architecture: Architecture },
): Promise<Scenario> {
  const text = readInputFile(file, `--scenario ${file}`, SCENARIO_MAX_BYTES);
  const json = await parseScenarioText(file, text);
  const result = scenarioSchema.safeParse(json, { jitless: true });
  if (!result.success) {
    throw new UsageError(
      `--scenario ${file}: ${describeIssues(result.error.issues, json, scenarioSchema)}`,
    );
  }
  const usages = result.data.functions.map((fn, index): FunctionUsage => {
    const at = (field: string) => `--scenario ${file}: ${formatPath(["functions", index, field])}`;
    if (fn.coldStartRate !== undefined && fn.initDuration === undefined) {
      throw new UsageError(`${at("initDuration")} must be given with coldStartRate`);
    }
    if (fn.initDuration !== undefined && fn.coldStartRate === undefined) {
      throw new UsageError(`${at("coldStartRate")} must be given with initDuration`);
    }
    const averageDurationMs = convert(fn.duration, parseInvocationDurationMs, at("duration"));
    const monthlyRequests = convert(fn.requests, parseCount, at("requests"));
    const pc = fn.provisioned;
    const usage: FunctionUsage = {
      name: fn.name ?? `function ${index + 1}`,
      region: fn.region ?? defaults.region,
      architecture: fn.architecture ?? defaults.architecture,
      memoryMb: fn.memoryMb,
      monthlyRequests,
      averageDurationMs,
      ephemeralStorageMb: fn.ephemeralStorageMb,
      coldStartRate: fn.coldStartRate,
      initDurationMs:
        fn.initDuration === undefined
          ? undefined
          : convert(fn.initDuration, parseInitDurationMs, at("initDuration")),
      provisioned: pc && {
        concurrency: pc.concurrency,
        hoursPerMonth: pc.hours ?? 730,
        requests:
          pc.requests === undefined
            ? 0
            : convert(pc.requests, parseCount, `${at("provisioned")}.requests`),
        averageDurationMs:
          pc.duration === undefined
            ? averageDurationMs
            : convert(pc.duration, parseInvocationDurationMs, `${at("provisioned")}.duration`),
      },
      ...toLineUsage(fn, at, monthlyRequests),
    };
    // The combinations (SnapStart with PC, Lambda@Edge on arm64 …), named as in the file.
    validateUsage(usage, `--scenario ${file}: ${formatPath(["functions", index])}`);
    return usage;
  });
  return {
    freeTier: result.data.freeTier,
    usages,
    account: toAccountUsage(result.data, file, defaults.region),
  };
}
