/**
 * Step 4 of a tune run: invoke the published versions by qualifier, in the batches the
 * SamplingPlanner asks for, through ONE p-limit shared by every size (so --concurrency bounds
 * the whole run, not each size), and turn each log tail into an InvocationSample.
 */
import pLimit from "p-limit";
import { AwsError } from "../core/errors.js";
import { billedMsOf, parseInvocationLog } from "../core/tuning/parse-log.js";
import type { InvocationReport, InvocationSample, SamplingPlanner } from "../core/tuning/types.js";
import { createPayloadPicker, type PayloadPicker, type WeightedPayload } from "./payloads.js";
import { type RawInvocation, ThrottledError, type TuningTarget } from "./target.js";

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
  /** Waits between re-tries of a throttled invocation (injectable for tests). */
  sleep?: ((ms: number) => Promise<void>) | undefined;
}

export interface MeasureResult {
  samplesBySize: Map<number, InvocationSample[]>;
  /** Why the planner stopped. */
  stopReason?: string | undefined;
  /** Invocations that stayed throttled after the SDK's retries and were sent again. */
  throttledInvocations: number;
}

/** Throttled invocations are re-sent; this many in a row for one invocation ends the run. */
const MAX_THROTTLE_RESENDS = 12;

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
  let throttledInvocations = 0;

  const invokeOnce = async (memoryMb: number): Promise<void> => {
    options.abortSignal?.throwIfAborted();
    const version = options.versions.get(memoryMb);
    if (version === undefined) throw new Error(`no version was published for ${memoryMb} MB`);
    const payload = pickers.get(memoryMb)?.() ?? "{}";
    for (let attempt = 0; ; attempt++) {
      try {
        const raw = await target.invoke(version, payload, { abortSignal: options.abortSignal });
        const sample = toSample(memoryMb, raw);
        samplesBySize.get(memoryMb)?.push(sample);
        options.onSample?.(sample);
        return;
      } catch (error) {
        if (!(error instanceof ThrottledError) || attempt >= MAX_THROTTLE_RESENDS) throw error;
        // A throttle is Lambda's concurrency limit, not the function failing: wait and resend.
        throttledInvocations += 1;
        await sleep(Math.min(2000, 50 * 2 ** attempt));
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
    while (limit.activeCount > 0) await sleep(5);
    throw error;
  }
  return { samplesBySize, stopReason, throttledInvocations };
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
