/**
 * Shared set-up for the tune integration tests: an emulator on port 0, the real SDK with static
 * credentials and tiny waiter delays, a temp journal directory, and model functions whose right
 * size is computed by hand in tune-models.test.ts.
 */
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createLambdaTuningTarget, TUNE_MAX_ATTEMPTS } from "../../src/aws/lambda-tuning-target.js";
import { createTuningEngine } from "../../src/core/tuning/engine.js";
import type { TuningTarget } from "../../src/core/tuning/ports.js";
import { startEmulator } from "../../src/emulator/http-server.js";
import type {
  EmulatedFunctionConfig,
  EmulatorConfig,
  EmulatorFaults,
  EmulatorHandle,
  FunctionModel,
} from "../../src/emulator/types.js";
import { loadLambdaPriceTable } from "../../src/prices/lambda-prices.js";
import { runTune } from "../../src/tune/run-tune.js";
import type { TuneDeps, TuneOptions } from "../../src/tune/run-types.js";
import { zeroDelayRetries } from "./zero-delay-retries.js";

export const REGION = "us-east-1";
export const ACCOUNT = "123456789012";

/**
 * Where runs keep their journals: tmpfs when there is one, else the system temp directory. A run
 * writes its journal about ten times, each write fsyncs the file and its folder, and on a disk
 * shared with other work each fsync can take milliseconds; on tmpfs it costs nothing. What is
 * written, and when, is the same (test/unit/atomic-write.test.ts tests the writes themselves).
 */
export function fastTempDir(prefix: string): string {
  return mkdtempSync(existsSync("/dev/shm") ? `/dev/shm/${prefix}` : join(tmpdir(), prefix));
}

export function model(partial: Partial<FunctionModel>): FunctionModel {
  return {
    fixedMs: 0,
    cpuMs: 0,
    parallelCpuMs: 0,
    threads: 1,
    initMs: 150,
    memoryUsedMb: 60,
    gcPressure: 0,
    noiseCv: 0.02,
    errorRate: 0,
    arm64CpuFactor: 1,
    ...partial,
  };
}

export function fn(
  name: string,
  m: Partial<FunctionModel>,
  extra: Partial<EmulatedFunctionConfig> = {},
) {
  return {
    name,
    region: REGION,
    memorySize: 1024,
    timeout: 60,
    architecture: "x86_64",
    ephemeralStorage: 512,
    logFormat: "Text",
    runtime: "nodejs22.x",
    description: `model ${name}`,
    model: model(m),
    ...extra,
  } satisfies EmulatedFunctionConfig;
}

export const NO_FAULTS: EmulatorFaults = {
  throttleRate: 0,
  serviceErrorRate: 0,
  updateLatencyMs: 0,
  cloudwatchThrottleRate: 0,
};

export async function emulatorWith(
  functions: EmulatedFunctionConfig[],
  options: {
    faults?: Partial<EmulatorFaults>;
    timeScale?: number;
    seed?: number;
    /** The emulator's clock (default Date.now). */
    now?: () => number;
  } = {},
): Promise<EmulatorHandle> {
  const config: EmulatorConfig = {
    seed: options.seed ?? 7,
    accountId: ACCOUNT,
    timeScale: options.timeScale ?? 0,
    faults: { ...NO_FAULTS, ...options.faults },
    functions,
  };
  return startEmulator({ config, now: options.now });
}

export function targetFor(
  emulator: EmulatorHandle,
  functionName: string,
  options: { maxAttempts?: number } = {},
): TuningTarget {
  return createLambdaTuningTarget({
    connection: {
      region: REGION,
      endpointUrl: emulator.endpoint,
      credentials: { accessKeyId: "test", secretAccessKey: "test" },
      maxAttempts: options.maxAttempts,
      // tune's own attempt count, without the SDK's real backoff.
      retryStrategy: zeroDelayRetries(options.maxAttempts ?? TUNE_MAX_ATTEMPTS),
    },
    functionName,
    waiter: { minDelaySeconds: 0.01, maxDelaySeconds: 0.05, maxWaitSeconds: 20 },
  });
}

export const baseOptions: TuneOptions = {
  sizesMb: [128, 256, 512, 1024, 2048],
  invocations: 40,
  maxInvocations: 400,
  concurrency: 4,
  payloads: [{ payload: "{}", weight: 1 }],
  strategy: { strategy: "cost", balancedWeight: 0.5 },
  apply: false,
  dryRun: false,
  recover: false,
};

export function deps(
  target: TuningTarget,
  overrides: Partial<TuneDeps> = {},
): TuneDeps & { lines: string[] } {
  const lines: string[] = [];
  return {
    target,
    engine: createTuningEngine(loadLambdaPriceTable()),
    journalDir: fastTempDir("lc-tune-"),
    notify: (line) => lines.push(line),
    confirm: async () => true,
    lines,
    ...overrides,
  };
}

export async function tune(
  emulator: EmulatorHandle,
  name: string,
  options: Partial<TuneOptions> = {},
  overrides: Partial<TuneDeps> = {},
) {
  const d = deps(targetFor(emulator, name), overrides);
  const outcome = await runTune({ ...baseOptions, ...options }, d);
  return { outcome, lines: d.lines, deps: d };
}

/** Mutating Lambda calls the emulator served (what "nothing changed" must show as empty). */
export function mutatingRequests(emulator: EmulatorHandle) {
  const mutating =
    /UpdateFunction|PublishVersion|DeleteFunction|CreateAlias|UpdateAlias|DeleteAlias|InvokeFunction/;
  return emulator.requests().filter((r) => mutating.test(r.action));
}

/**
 * A function's state minus the two fields any write changes (RevisionId, LastModified): Lambda
 * gives no way to restore those, so "exactly as found" means every other field, every version
 * and every alias.
 */
export function comparable(emulator: EmulatorHandle, name: string) {
  const view = emulator.inspect(REGION, name);
  if (!view) return view;
  const { RevisionId: _r, LastModified: _l, ...latest } = view.latest;
  return { ...view, latest };
}
