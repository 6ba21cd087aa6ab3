/** What a tune run takes (options, injected dependencies) and what it gives back. */

import type { Architecture } from "../core/pricing/types.js";
import type { FunctionSnapshot, TuningEngine, TuningTarget } from "../core/tuning/ports.js";
import type { PutBackResult, TunePlan } from "../core/tuning/run-outcome.js";
import type { SkippedArchitecture, StrategyOptions, TuningAnalysis } from "../core/tuning/types.js";
import type { ApplyOutcome } from "./apply.js";
import type { WeightedPayload } from "./payloads.js";

export interface TuneOptions {
  sizesMb: number[] | "auto";
  invocations: number | "auto";
  maxInvocations: number;
  concurrency: number;
  payloads: WeightedPayload[];
  strategy: StrategyOptions;
  trim?: number | undefined;
  monthlyInvocations?: number | undefined;
  apply: boolean;
  alias?: string | undefined;
  dryRun: boolean;
  recover: boolean;
  /** With recover: put back even when the run that left it cannot be verified as dead. */
  force?: boolean | undefined;
  /** Total time invoking may spend throttled before the run stops (default 120 s). */
  maxThrottleWaitMs?: number | undefined;
  /** `--arch`: the architectures to measure (default: the function's own). */
  architectures?: Architecture[] | undefined;
  /** `--code-bucket`: where a zip over the 50 MB direct upload is staged. */
  codeBucket?: string | undefined;
}

export interface TuneDeps {
  target: TuningTarget;
  engine: TuningEngine;
  journalDir: string;
  abortSignal?: AbortSignal | undefined;
  /** One line to stderr: what is about to change, what was put back. */
  notify(line: string): void;
  /** Asks before --apply changes anything; resolves false to skip. */
  confirm(question: string): Promise<boolean>;
  /** Last-30-days Invocations from CloudWatch, when reachable; undefined to skip. */
  monthlyInvocations?: ((snapshot: FunctionSnapshot) => Promise<number | undefined>) | undefined;
  onProgress?: ((event: { total?: number; done?: number }) => void) | undefined;
  /** Shows the finished run before --apply asks about it (the CLI prints the result here). */
  beforeApply?: ((result: TuneRunResult) => Promise<void>) | undefined;
  /** Waits between throttle resends and the jitter source (injected by tests: no real waits). */
  sleep?: ((ms: number) => Promise<void>) | undefined;
  random?: (() => number) | undefined;
}

export interface TuneRunResult {
  snapshot: FunctionSnapshot;
  analysis: TuningAnalysis;
  /** "x86_64:1024" → version number. */
  versions: Record<string, string>;
  skippedArchitectures: SkippedArchitecture[];
  stopReason?: string | undefined;
  throttles: number;
  cleanup: PutBackResult;
  restored: boolean;
  applied?: ApplyOutcome | undefined;
}

export type TuneOutcome =
  | { kind: "result"; result: TuneRunResult }
  | { kind: "plan"; plan: TunePlan }
  | { kind: "recovered"; functionName: string; recovered: PutBackResult | undefined };
