/** The pricing engine (pure): price tables, tiers, and what a month of Lambda usage costs. */
export { AccountState } from "./account.js";
export * from "./extra-usage.js";
export { type LogRates, logRates } from "./log-rates.js";
export {
  architecturePrices,
  knownRegions,
  linePrices,
  regionPrices,
  requirePrice,
} from "./lookup.js";
export {
  LMI_MANAGEMENT_FEE_FRACTION,
  LMI_REQUEST_PRICE,
  type ManagedInstancesCost,
  type ManagedInstancesUsage,
  priceManagedInstances,
} from "./managed-instances.js";
export { pricePerInvocation } from "./per-invocation.js";
export { priceLambda } from "./price-lambda.js";
export { parseLambdaPriceTable } from "./price-table-schema.js";
export { gbSeconds, splitIntoTiers } from "./tiers.js";
export * from "./types.js";
export {
  EPHEMERAL_STORAGE_MB_MAX,
  EPHEMERAL_STORAGE_MB_MIN,
  HOURS_PER_MONTH_MAX,
  MEMORY_MB_MAX,
  MEMORY_MB_MIN,
  validateUsage,
} from "./usage-validation.js";
