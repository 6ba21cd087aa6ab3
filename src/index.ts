/**
 * `lambda-cost`: what Lambda usage costs. Prices usage against the shipped price table (or your
 * own), line by line, in exact decimals. Loads neither the AWS SDK nor the emulator: tuning,
 * crossover, reports and the emulator are the sub-paths lambda-cost/tune, /crossover, /report
 * and /emulator. See docs/library.md.
 */
export {
  AwsError,
  CheckFailedError,
  ConfigError,
  InterruptedError,
  LambdaCostError,
  PricingDataError,
  UsageError,
} from "./core/errors.js";
export { Decimal, type DecimalInput, dec, formatUsd, sum, ZERO } from "./core/money/index.js";
export type * from "./core/pricing/extra-usage.js";
export { type LogRates, logRates } from "./core/pricing/log-rates.js";
export { knownRegions } from "./core/pricing/lookup.js";
export {
  type ManagedInstancesCost,
  type ManagedInstancesUsage,
  priceManagedInstances,
} from "./core/pricing/managed-instances.js";
export { pricePerInvocation } from "./core/pricing/per-invocation.js";
export { priceLambda } from "./core/pricing/price-lambda.js";
export { gbSeconds, splitIntoTiers } from "./core/pricing/tiers.js";
export type {
  Architecture,
  CostLine,
  FunctionUsage,
  InvocationPriceInput,
  LambdaEstimate,
  LambdaPriceTable,
  PricingOptions,
  ProvisionedUsage,
  TierSlice,
} from "./core/pricing/types.js";
export { estimateLambdaCost, loadLambdaPriceTable } from "./prices/lambda-prices.js";
