/**
 * Validates pricing/lambda.json (shape: pricing/lambda.schema.json) and turns its decimal
 * strings into Decimals. Any mistake is a PricingDataError naming the field; a price can never
 * become NaN because only plain decimal strings are accepted.
 */
import { PricingDataError } from "../errors.js";
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
import { formatPath } from "./validation-issues.js";

/**
 * The JSON Schema in pricing/lambda.schema.json, compiled to plain code at build time by
 * scripts/compile-price-schema.mjs (no validation library is loaded at run time: start-up).
 */
const validateTable = validate as unknown as ((data: unknown) => boolean) & {
  errors?: SchemaError[] | null;
};

/**
 * Tiers must start at 0, touch each other, and end open; otherwise splitting would lose GB-s.
 * Checked on the strings (as numbers: the bounds are whole GB-s, exact in a double) so that
 * checking every region does not mean converting every region.
 */
function checkTiers(raw: RawTier[], path: string): void {
  raw.forEach((tier, index) => {
    const where = `${path}[${index}]`;
    const expectedFrom = index === 0 ? "0" : raw[index - 1]?.toGbSeconds;
    if (expectedFrom == null || Number(tier.fromGbSeconds) !== Number(expectedFrom)) {
      throw new PricingDataError(
        `Lambda price table is invalid: ${where}.fromGbSeconds must be ${expectedFrom ?? "the previous tier's end"} (tiers must be contiguous from 0)`,
      );
    }
    const last = index === raw.length - 1;
    if (last !== (tier.toGbSeconds === null)) {
      throw new PricingDataError(
        `Lambda price table is invalid: ${where}.toGbSeconds must be ${last ? "null (the last tier is open-ended)" : "a number (only the last tier is open-ended)"}`,
      );
    }
    if (tier.toGbSeconds !== null && Number(tier.toGbSeconds) <= Number(tier.fromGbSeconds)) {
      throw new PricingDataError(
        `Lambda price table is invalid: ${where}.toGbSeconds must be greater than fromGbSeconds`,
      );
    }
  });
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
