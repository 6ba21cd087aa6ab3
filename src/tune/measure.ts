/**
 * Step 4 of a tune run: invoke the published versions by qualifier, in the batches the
 * SamplingPlanner asks for, through ONE p-limit shared by every size (so --concurrency bounds
 * the whole run, not each size), and turn each log tail into an InvocationSample.
 */
import pLimit from "p-limit";
import { AwsError } from "../core/errors.js";
import { billedMsOf, parseInvocationLog } from "../core/tuning/parse-log.js";
import { type RawInvocation, ThrottledError, type TuningTarget } from "../core/tuning/ports.js";
import type { InvocationReport, InvocationSample, SamplingPlanner } from "../core/tuning/types.js";
import { createPayloadPicker, type PayloadPicker, type WeightedPayload } from "./payloads.js";

export interface MeasureOptions {
  versions: ReadonlyMap<number, string>;
  planner: SamplingPlanner;
  concurrency: number;
  payloads: readonly WeightedPayload[];
  abortSignal?: AbortSignal | undefined;
  /** Called after every finished invocation (progress bar). */
  onSample?: ((sample: InvocationSample) => void) | undefined;
  /** Called before each batch with its total size. */
  onBatch?: ((invocations: number) => void) | undefined;
  /** Waits between re-tries of a throttled invocation (injectable: tests never really wait). */
  sleep?: ((ms: number) => Promise<void>) | undefined;
  /** Jitter source in [0, 1) (injectable for tests). */
  random?: (() => number) | undefined;
  /** Clock for the throttle budget (injectable for tests). */
  now?: (() => number) | undefined;
  /** Total time the run may spend throttled (waiting and in throttled calls); default 120 s. */
  maxThrottleWaitMs?: number | undefined;
  /** Called before each wait, so the user sees why nothing moves. */
  onThrottleWait?: ((wait: ThrottleWait) => void) | undefined;
}

export interface ThrottleWait {
  waitMs: number;
  /** Throttled time spent so far in the run. */
  spentMs: number;
  budgetMs: number;
}

export interface MeasureResult {
  samplesBySize: Map<number, InvocationSample[]>;
  /** Why the planner stopped. */
  stopReason?: string | undefined;
  /** Invocations that stayed throttled after the SDK's retries and were sent again. */
  throttledInvocations: number;
}

export const DEFAULT_MAX_THROTTLE_WAIT_MS = 120_000;
/** Backoff of a throttled invocation: base × 2^attempt, capped, with equal jitter. */
const BACKOFF_BASE_MS = 100;
const BACKOFF_CAP_MS = 10_000;
/** Progress says it is waiting at the first throttle, then after every this much more. */
const NOTIFY_EVERY_MS = 10_000;

/**
 * The wait before resend number `attempt` (0-based): half of the capped exponential step plus a
 * random share of the other half ("equal jitter"), so invocations throttled together do not
 * come back in lockstep and still back off.
 */
export function throttleBackoffMs(attempt: number, random: () => number): number {
  const step = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** attempt);
  return Math.round(step / 2 + random() * (step / 2));
}

export async function measure(
  target: TuningTarget,
  options: MeasureOptions,
): Promise<MeasureResult> {
  const limit = pLimit(options.concurrency);
  const samplesBySize = new Map<number, InvocationSample[]>();
  const pickers = new Map<number, PayloadPicker>();
  for (const size of options.versions.keys()) {
    samplesBySize.set(size, []);
    pickers.set(size, createPayloadPicker(options.payloads));
  }
  const sleep = options.sleep ?? ((ms: number) => new Promise((r) => setTimeout(r, ms)));
  const random = options.random ?? Math.random;
  const now = options.now ?? Date.now;
  const budgetMs = options.maxThrottleWaitMs ?? DEFAULT_MAX_THROTTLE_WAIT_MS;
  let throttledInvocations = 0;
  let spentMs = 0;
  let notifiedAtMs = -Infinity;

  const invokeOnce = async (memoryMb: number): Promise<void> => {
    options.abortSignal?.throwIfAborted();
    const version = options.versions.get(memoryMb);
    if (version === undefined) throw new Error(`no version was published for ${memoryMb} MB`);
    const payload = pickers.get(memoryMb)?.() ?? "{}";
    for (let attempt = 0; ; attempt++) {
      const startedMs = now();
      try {
        const raw = await target.invoke(version, payload, { abortSignal: options.abortSignal });
        const sample = toSample(memoryMb, raw);
        samplesBySize.get(memoryMb)?.push(sample);
        options.onSample?.(sample);
        return;
      } catch (error) {
        if (!(error instanceof ThrottledError)) throw error;
        // A throttle is Lambda's concurrency limit, not the function failing: wait and resend,
        // within one budget for the whole run, then stop (the put-back still runs).
        throttledInvocations += 1;
        spentMs += Math.max(0, now() - startedMs);
        if (spentMs >= budgetMs) throw throttleBudgetSpent(error, budgetMs);
        const waitMs = Math.min(throttleBackoffMs(attempt, random), budgetMs - spentMs);
        if (spentMs - notifiedAtMs >= NOTIFY_EVERY_MS) {
          notifiedAtMs = spentMs;
          options.onThrottleWait?.({ waitMs, spentMs, budgetMs });
        }
        spentMs += waitMs;
        await sleep(waitMs);
        options.abortSignal?.throwIfAborted();
      }
    }
  };

  let stopReason: string | undefined;
  try {
    for (;;) {
      options.abortSignal?.throwIfAborted();
      const batch = options.planner.next(samplesBySize);
      const jobs = batch.items.flatMap((item) =>
        Array.from({ length: item.invocations }, () => limit(invokeOnce, item.memoryMb)),
      );
      if (batch.done || jobs.length === 0) {
        stopReason = batch.reason;
        await Promise.all(jobs);
        break;
      }
      options.onBatch?.(jobs.length);
      await Promise.all(jobs);
    }
  } catch (error) {
    // Stop feeding the queue, let what is in flight settle, then report the first error.
    limit.clearQueue();
    while (limit.activeCount > 0) await new Promise((r) => setTimeout(r, 5));
    throw error;
  }
  return { samplesBySize, stopReason, throttledInvocations };
}

function throttleBudgetSpent(error: ThrottledError, budgetMs: number): AwsError {
  return new AwsError(
    `stopped: Lambda kept throttling for more than --max-throttle-wait ${budgetMs / 1000} s in all (${error.message})`,
    { cause: error },
  );
}

/** One invocation as the core wants it. Function errors are samples; they are not thrown. */
export function toSample(memoryMb: number, raw: RawInvocation): InvocationSample {
  let report: InvocationReport;
  try {
    report = parseInvocationLog(raw.logResultBase64 ?? "");
  } catch (error) {
    // No REPORT means nothing to measure (e.g. JSON logs with SystemLogLevel above INFO):
    // a problem with the function's set-up, not with one invocation. Stop and say so.
    throw new AwsError(
      `cannot measure ${memoryMb} MB (version ${raw.executedVersion ?? "?"}): ${(error as Error).message}`,
      { cause: error },
    );
  }
  const failed = raw.functionError !== undefined || (report.status ?? "success") !== "success";
  return {
    memoryMb,
    durationMs: report.durationMs,
    billedDurationMs: billedMsOf(report),
    maxMemoryUsedMb: report.maxMemoryUsedMb,
    initDurationMs: report.initDurationMs,
    coldStart: report.initDurationMs !== undefined || report.restoreDurationMs !== undefined,
    errorType: failed ? errorTypeOf(raw, report.errorType, report.status) : undefined,
  };
}

function errorTypeOf(raw: RawInvocation, logErrorType?: string, status?: string): string {
  if (logErrorType) return logErrorType;
  if (status === "timeout") return "Sandbox.Timedout";
  try {
    const body = JSON.parse(raw.payloadText) as { errorType?: unknown };
    if (typeof body.errorType === "string" && body.errorType) return body.errorType;
  } catch {
    // Not JSON: fall through to the header.
  }
  return raw.functionError ?? status ?? "Error";
}
