/**
 * The shipped pricing/lambda.json as a LambdaPriceTable, without the price-file checks: the
 * build (scripts/bundle-cli.mjs) and test/unit/pricing-table.test.ts run them on this file, and
 * it cannot change after that (the CLI bundle carries it inside its code). Apart from
 * lambda-prices.ts so that `estimate` does not load the checks and their compiled schema
 * validator at all (npm run bench:startup).
 */
import shipped from "../../pricing/lambda.json" with { type: "json" };
import { convertCheckedLambdaPriceTable } from "../core/pricing/price-table-convert.js";
import type { LambdaPriceTable } from "../core/pricing/types.js";

/** Converted once per process: every command prices against the same shipped table. */
let shippedTable: LambdaPriceTable | undefined;

/** The shipped Lambda price table (each region turned into Decimals on first read). */
export function shippedLambdaPriceTable(): LambdaPriceTable {
  shippedTable ??= convertCheckedLambdaPriceTable(shipped);
  return shippedTable;
}
