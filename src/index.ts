/**
 * The programmatic API of lambda-cost: what `import { … } from "lambda-cost"` gives.
 * Each area adds its exports here.
 */
export * from "./core/errors.js";
export * from "./core/money/index.js";
export * from "./core/pricing/index.js";
export * from "./core/tuning/index.js";
export {
  defaultLambdaPricePath,
  estimateLambdaCost,
  loadLambdaPriceTable,
} from "./data/lambda-prices.js";
