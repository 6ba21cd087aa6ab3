/**
 * The advise tests' account: an emulator whose functions are each built so that one advice
 * rule fires on it and no other, with November 2026 as the history month and the window (so
 * the metric sums are exact: invocationsPerDay × 30, × avgDurationMs), and the clock on
 * 2026-12-02.
 */
import { runAdvise } from "../../src/advise/run-advise.js";
import { createAwsAdviceSource } from "../../src/aws/advice-source.js";
import type { AdviceResult, AdviceWindow } from "../../src/core/advice/index.js";
import type { EmulatorConfigInput } from "../../src/emulator/config.js";
import { startEmulator } from "../../src/emulator/http-server.js";
import type { EmulatorHandle } from "../../src/emulator/types.js";
import { loadLambdaPriceTable } from "../../src/prices/lambda-prices.js";
import { zeroDelayRetries } from "./zero-delay-retries.js";

export const ADVISE_NOW = Date.parse("2026-12-02T10:00:00Z");
/** All of November 2026: 30 days. */
export const NOVEMBER: AdviceWindow = {
  start: new Date("2026-11-01T00:00:00Z"),
  end: new Date("2026-12-01T00:00:00Z"),
  days: 30,
};

type Fn = NonNullable<EmulatorConfigInput["functions"]>[number];
const month = (invocationsPerDay: number, avgDurationMs: number, extra = {}) => [
  { month: "2026-11", invocationsPerDay, avgDurationMs, ...extra },
];

/** Each function's comment says which rule it is built for. */
export const DESIGNED_ACCOUNT: Fn[] = [
  // remove-idle-provisioned-concurrency: 5 × 1024 MB provisioned, not one call.
  {
    name: "idle-pc",
    memorySize: 1024,
    provisionedConcurrency: [{ qualifier: "live", amount: 5 }],
    logRetentionDays: 30,
    history: month(0, 0),
  },
  // reduce-provisioned-concurrency: 10 × 512 MB arm64, peak utilisation 30 %.
  {
    name: "low-pc",
    memorySize: 512,
    architecture: "arm64",
    provisionedConcurrency: [{ qualifier: "live", amount: 10 }],
    logRetentionDays: 30,
    model: { memoryUsedMb: 300 },
    history: month(10_000, 20, { provisionedShare: 0.9, provisionedUtilization: 0.3 }),
  },
  // increase-provisioned-concurrency: 2 × 1024 MB arm64, 20 % of calls spill over.
  {
    name: "spill-pc",
    memorySize: 1024,
    architecture: "arm64",
    provisionedConcurrency: [{ qualifier: "live", amount: 2 }],
    logRetentionDays: 30,
    model: { memoryUsedMb: 700 },
    history: month(10_000, 50, {
      provisionedShare: 0.8,
      spilloverShare: 0.2,
      provisionedUtilization: 0.95,
    }),
  },
  // switch-to-arm64: Node.js on x86_64, zip, no layers.
  {
    name: "x86-node",
    memorySize: 1024,
    runtime: "nodejs20.x",
    logRetentionDays: 30,
    model: { memoryUsedMb: 700 },
    history: month(100_000, 100),
  },
  // Not switch-to-arm64: a layer, a container image, a custom runtime.
  {
    name: "x86-layer",
    memorySize: 1024,
    runtime: "python3.12",
    layers: [
      {
        arn: "arn:aws:lambda:us-east-1:123456789012:layer:native-deps:3",
        compatibleArchitectures: ["x86_64"],
      },
    ],
    logRetentionDays: 30,
    model: { memoryUsedMb: 700 },
    history: month(100_000, 100),
  },
  {
    name: "x86-image",
    memorySize: 1024,
    packageType: "Image",
    logRetentionDays: 30,
    model: { memoryUsedMb: 700 },
    history: month(100_000, 100),
  },
  {
    name: "x86-custom",
    memorySize: 1024,
    runtime: "provided.al2023",
    logRetentionDays: 30,
    model: { memoryUsedMb: 700 },
    history: month(100_000, 100),
  },
  // reduce-memory: 2048 MB arm64 using 300 MB.
  {
    name: "fat-mem",
    memorySize: 2048,
    architecture: "arm64",
    runtime: "python3.12",
    logRetentionDays: 30,
    model: { memoryUsedMb: 300 },
    history: month(50_000, 200),
  },
  // increase-memory: 5 out-of-memory calls at 256 MB.
  {
    name: "oom-fn",
    memorySize: 256,
    architecture: "arm64",
    logRetentionDays: 30,
    model: { memoryUsedMb: 180 },
    history: month(1_000, 50, { oomCount: 5 }),
  },
  // logs-cost: 5,000 log bytes per 10 ms call at 128 MB.
  {
    name: "logs-heavy",
    memorySize: 128,
    architecture: "arm64",
    logRetentionDays: 30,
    model: { memoryUsedMb: 100 },
    history: month(100_000, 10, { logBytesPerInvocation: 5_000 }),
  },
  // set-log-retention: October and November kept forever.
  {
    name: "never-expires",
    memorySize: 1024,
    architecture: "arm64",
    model: { memoryUsedMb: 800 },
    history: [
      {
        month: "2026-10",
        invocationsPerDay: 10_000,
        avgDurationMs: 1_000,
        logBytesPerInvocation: 1_000,
      },
      {
        month: "2026-11",
        invocationsPerDay: 10_000,
        avgDurationMs: 1_000,
        logBytesPerInvocation: 1_000,
      },
    ],
  },
  // Nothing: 30 calls in the window, under --min-invocations 50 (else reduce-memory).
  {
    name: "quiet",
    memorySize: 2048,
    architecture: "arm64",
    logRetentionDays: 30,
    model: { memoryUsedMb: 100 },
    history: month(1, 100),
  },
];

export async function startAdviseEmulator(
  config: Partial<EmulatorConfigInput> = {},
): Promise<EmulatorHandle> {
  return startEmulator({
    config: { seed: 3, functions: DESIGNED_ACCOUNT, ...config },
    now: () => ADVISE_NOW,
  });
}

export function adviceSourceFor(emulator: EmulatorHandle, maxAttempts = 3) {
  return createAwsAdviceSource({
    connection: {
      endpointUrl: emulator.endpoint,
      credentials: { accessKeyId: "x", secretAccessKey: "y" },
      maxAttempts,
      retryStrategy: zeroDelayRetries(maxAttempts),
    },
    insights: { sleep: async () => {} },
  });
}

export async function adviseOn(
  emulator: EmulatorHandle,
  options: { freeTier?: boolean; maxAttempts?: number; minInvocations?: number } = {},
): Promise<AdviceResult> {
  const source = adviceSourceFor(emulator, options.maxAttempts);
  try {
    return await runAdvise({
      source,
      regions: ["us-east-1"],
      window: NOVEMBER,
      table: loadLambdaPriceTable(),
      minInvocations: options.minInvocations ?? 50,
      freeTier: options.freeTier ?? false,
    });
  } finally {
    source.close();
  }
}
