/**
 * Validates pricing/lambda.json (shape: pricing/lambda.schema.json) and turns its decimal
 * strings into Decimals. Any mistake is a PricingDataError naming the field; a price can never
 * become NaN because only plain decimal strings are accepted.
 */
import { PricingDataError } from "../errors.js";
import { formatPath } from "../validation/issue-path.js";
import { checkContiguousTiers } from "./contiguous-tiers.js";
import { checkExtraLinePrices } from "./extra-line-prices.js";
import { validate } from "./generated/lambda-price-table-validator.js";
import {
  convertCheckedLambdaPriceTable,
  type RawRegion,
  type RawTable,
  type RawTier,
} from "./price-table-convert.js";
import { describeSchemaErrors, type SchemaError } from "./schema-errors.js";
import type { LambdaPriceTable } from "./types.js";

/**
 * The JSON Schema in pricing/lambda.schema.json, compiled to plain code at build time by
 * scripts/compile-price-schema.mjs (no validation library is loaded at run time: start-up).
 */
const validateTable = validate as unknown as ((data: unknown) => boolean) & {
  errors?: SchemaError[] | null;
};

function checkTiers(raw: RawTier[], path: string): void {
  const tiers = raw.map((tier) => ({ from: tier.fromGbSeconds, to: tier.toGbSeconds }));
  checkContiguousTiers(tiers, path, "GbSeconds");
}

/** Every check a region needs beyond its schema; throws PricingDataError naming the field. */
function checkRegion(region: string, prices: RawRegion): void {
  const path = formatPath(["regions", region]);
  if (prices.partial && !prices.partialNote) {
    throw new PricingDataError(
      `Lambda price table is invalid: ${path}.partialNote must be given when partial is true`,
    );
  }
  for (const arch of ["x86_64", "arm64"] as const) {
    const tiers = prices.architectures[arch].durationTiers;
    if (tiers) checkTiers(tiers, `${path}.architectures.${arch}.durationTiers`);
  }
  checkExtraLinePrices(prices, path);
}

/** The schema and every cross-field check; throws PricingDataError naming the field. */
export function checkLambdaPriceTable(json: unknown): void {
  if (!validateTable(json)) {
    throw new PricingDataError(
      `Lambda price table is invalid: ${describeSchemaErrors(validateTable.errors ?? [], json)}`,
    );
  }
  const raw = json as RawTable;
  for (const [region, prices] of Object.entries(raw.regions)) checkRegion(region, prices);
  if (Object.keys(raw.regions).length === 0) {
    throw new PricingDataError(
      "Lambda price table is invalid: regions must list at least one region",
    );
  }
}

/**
 * Validates a parsed price file and converts it to exact decimals (each region on first read).
 *
 * @example
 * const table = parseLambdaPriceTable(JSON.parse(text));
 * table.regions["us-east-1"]?.requestPrice.toFixed(); // "0.0000002"
 * parseLambdaPriceTable({}); // throws PricingDataError: "… schema must be …"
 */
export function parseLambdaPriceTable(json: unknown): LambdaPriceTable {
  checkLambdaPriceTable(json);
  return convertCheckedLambdaPriceTable(json);
}
