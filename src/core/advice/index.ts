/** Advice (pure): rules that turn a window of observed usage into priced recommendations. */
export { type AdviceInput, adviseFunctions, recommendFor } from "./advise.js";
export type { RuleContext } from "./context.js";
export { adviceLogsRates, insightsPerGbScanned } from "./logs-prices.js";
export { functionNameMatcher } from "./name-filter.js";
export type * from "./ports.js";
export * from "./rates.js";
export { estimateGroupScanBytes, type ScannedGroup, scanCost } from "./scan.js";
export * from "./types.js";
