/** Loads and validates pricing/ec2.json (or another file of the same shape). */
import { parseEc2PriceTable } from "../core/crossover/price-tables.js";
import type { Ec2PriceTable } from "../core/crossover/types.js";
import { loadPriceFile, shippedPricingPath } from "./fargate-and-ec2-files.js";

/**
 * @example
 * loadEc2PriceTable().regions["us-east-1"]?.hourlyPrices["m7g.large"]?.toFixed(); // "0.0816"
 */
export function loadEc2PriceTable(path?: string | URL): Ec2PriceTable {
  return loadPriceFile(
    "EC2 price table",
    path ?? shippedPricingPath("ec2.json"),
    parseEc2PriceTable,
  );
}
