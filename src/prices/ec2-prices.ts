/** Loads and validates pricing/ec2.json (or another file of the same shape). */
import shipped from "../../pricing/ec2.json" with { type: "json" };
import { convertCheckedEc2PriceTable } from "../core/crossover/price-table-convert.js";
import { parseEc2PriceTable } from "../core/crossover/price-tables.js";
import type { Ec2PriceTable } from "../core/crossover/types.js";
import { loadPriceFile } from "./price-files.js";

/**
 * The shipped table when no path is given (imported with the code, so bundles carry it; checked
 * once at build time by scripts/bundle-cli.mjs and by test/unit/pricing-schema-compiled.test.ts,
 * not on every run), or the file at `path`, validated.
 *
 * @example
 * loadEc2PriceTable().regions["us-east-1"]?.hourlyPrices["m7g.large"]?.toFixed(); // "0.0816"
 */
export function loadEc2PriceTable(path?: string | URL): Ec2PriceTable {
  return path === undefined
    ? convertCheckedEc2PriceTable(shipped)
    : loadPriceFile("EC2 price table", path, parseEc2PriceTable);
}
