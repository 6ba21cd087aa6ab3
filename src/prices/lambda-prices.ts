/**
 * The Lambda price table: the shipped pricing/lambda.json, imported as a JSON module so it
 * travels through the module graph (a bundle carries it; nothing is looked up on disk), or a
 * file the caller names. The only I/O around the pricing engine; the core never reads files.
 */
import { priceLambda } from "../core/pricing/price-lambda.js";
import { parseLambdaPriceTable } from "../core/pricing/price-table-schema.js";
import type {
  FunctionUsage,
  LambdaEstimate,
  LambdaPriceTable,
  PricingOptions,
} from "../core/pricing/types.js";
import { loadPriceFile } from "./price-files.js";
import { shippedLambdaPriceTable } from "./shipped-lambda-table.js";

/**
 * Returns a Lambda price table: the shipped one by default, or the file at `path` (validated).
 *
 * @example
 * const table = loadLambdaPriceTable();
 * table.regions["us-east-1"]?.requestPrice.toFixed(); // "0.0000002"
 * loadLambdaPriceTable("/nope.json"); // throws PricingDataError: cannot read the Lambda price table …
 */
export function loadLambdaPriceTable(path?: string | URL): LambdaPriceTable {
  if (path !== undefined) return loadPriceFile("Lambda price table", path, parseLambdaPriceTable);
  return shippedLambdaPriceTable();
}

/**
 * Prices usage against the shipped table: the one-call library API.
 *
 * @example
 * import { estimateLambdaCost, formatUsd } from "lambda-cost";
 * const estimate = estimateLambdaCost([
 *   { region: "us-east-1", architecture: "x86_64", memoryMb: 1536, monthlyRequests: 3_000_000, averageDurationMs: 120 },
 * ]);
 * formatUsd(estimate.total); // "$2.73" (free tier on by default)
 */
export function estimateLambdaCost(
  usages: FunctionUsage[],
  options: Partial<PricingOptions> & { priceTablePath?: string } = {},
): LambdaEstimate {
  const table = loadLambdaPriceTable(options.priceTablePath);
  // Managed Instances need the EC2 table (`ec2: loadEc2PriceTable()` from lambda-cost/crossover);
  // it is not loaded here, so pricing a plain function stays light.
  return priceLambda(usages, table, {
    freeTier: options.freeTier ?? true,
    account: options.account,
    ec2: options.ec2,
  });
}
