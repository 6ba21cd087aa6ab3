/**
 * The programmatic API of lambda-cost: what `import { … } from "lambda-cost"` gives.
 * Each area adds its exports here.
 */

export {
  type GenerateMonthlyReportOptions,
  generateMonthlyReport,
} from "./api/report.js";
export {
  createLambdaTuningTarget,
  type LambdaTuningTargetOptions,
  type WaiterTiming,
} from "./aws/lambda-tuning-target.js";
export * from "./core/crossover/index.js";
export * from "./core/errors.js";
export * from "./core/money/index.js";
export * from "./core/pricing/index.js";
export { buildMonthlyReport } from "./core/report/build-report.js";
export {
  type CalendarMonth,
  formatMonth,
  hoursInMonth,
  lastCompleteMonth,
  parseMonth,
} from "./core/report/month.js";
export type {
  FunctionMonthInput,
  MonthlyReport,
  RegionFailure,
  ReportRow,
  ReportTotals,
  TierPool,
} from "./core/report/types.js";
export { createTuningEngine } from "./core/tuning/engine.js";
export * from "./core/tuning/index.js";
export {
  type AliasView,
  ConcurrentChangeError,
  type FunctionSnapshot,
  type PublishedVersion,
  type RawInvocation,
  ThrottledError,
  type TuningEngine,
  type TuningTarget,
} from "./core/tuning/ports.js";
export type { PutBackResult, TunePlan } from "./core/tuning/run-outcome.js";
export {
  type EmulatorConfigInput,
  emulatorConfig,
  type StartEmulatorInput,
  startEmulator,
} from "./emulator/http-server.js";
export type * from "./emulator/types.js";
export { crossoverJson, renderCrossoverJson } from "./output/crossover-json.js";
export { REPORT_CSV_HEADER, renderReportCsv, reportFileName } from "./output/report-csv.js";
export { renderReportJson } from "./output/report-json.js";
export { renderReportSummary } from "./output/report-summary.js";
export { renderTune, tuneRenderers } from "./output/tune.js";
export { TUNE_CSV_COLUMNS } from "./output/tune-csv.js";
export { renderTuneJson, toTuneJson } from "./output/tune-json.js";
export { loadEc2PriceTable } from "./prices/ec2-prices.js";
export { crossoverWithShippedPrices } from "./prices/fargate-ec2-crossover.js";
export { loadFargatePriceTable } from "./prices/fargate-prices.js";
export {
  estimateLambdaCost,
  loadLambdaPriceTable,
} from "./prices/lambda-prices.js";
export { defaultJournalDir, type JournalEntry } from "./tune/journal.js";
export type { WeightedPayload } from "./tune/payloads.js";
export { runTune } from "./tune/run-tune.js";
export type { TuneDeps, TuneOptions, TuneOutcome, TuneRunResult } from "./tune/run-types.js";
