/**
 * `lambda-cost/tune`: measure a function at several memory sizes and recommend one, over the
 * TuningTarget port. createLambdaTuningTarget() is the AWS implementation (any endpoint, e.g.
 * the emulator); tests may pass an in-memory target. See docs/library.md.
 */
export {
  createLambdaTuningTarget,
  type LambdaTuningTargetOptions,
  type WaiterTiming,
} from "../aws/lambda-tuning-target.js";
export { analyzeTuning, sizesAuto } from "../core/tuning/analyze.js";
export { createTuningEngine } from "../core/tuning/engine.js";
export { parseInvocationLog } from "../core/tuning/parse-log.js";
export {
  type AliasView,
  ConcurrentChangeError,
  type FunctionSnapshot,
  type PublishedVersion,
  type RawInvocation,
  ThrottledError,
  type TuningEngine,
  type TuningTarget,
} from "../core/tuning/ports.js";
export type { PutBackResult, TunePlan } from "../core/tuning/run-outcome.js";
export type {
  InvocationReport,
  SizeSummary,
  Strategy,
  StrategyOptions,
  TuneResult,
  TuningAnalysis,
} from "../core/tuning/types.js";
export { renderTune } from "../output/tune.js";
export { TUNE_CSV_COLUMNS } from "../output/tune-csv.js";
export { renderTuneJson, toTuneJson } from "../output/tune-json.js";
export { defaultJournalDir, type JournalEntry } from "../tune/journal.js";
export type { WeightedPayload } from "../tune/payloads.js";
export { runTune } from "../tune/run-tune.js";
export type { TuneDeps, TuneOptions, TuneOutcome, TuneRunResult } from "../tune/run-types.js";
export { toTuneResult } from "../tune/tune-result.js";
