/** The metrics the emulator records for AWS/Lambda, and one period's samples of a metric. */
export const LAMBDA_METRICS = [
  "Invocations",
  "Duration",
  "Errors",
  "Throttles",
  "ConcurrentExecutions",
  "ProvisionedConcurrencyInvocations",
  "ProvisionedConcurrencySpilloverInvocations",
  "ProvisionedConcurrentExecutions",
  "ProvisionedConcurrencyUtilization",
] as const;
export type LambdaMetric = (typeof LAMBDA_METRICS)[number];

/**
 * The samples of one period: live samples kept as values (exact percentiles), history hours as
 * totals with the spread (`historyCv`) assumed for their percentiles.
 */
export interface Bucket {
  count: number;
  sum: number;
  min: number;
  max: number;
  values: number[];
  historyCount: number;
  historySum: number;
  historyCv: number;
}
