/**
 * Validates pricing/lambda.json (shape: pricing/lambda.schema.json) and turns its decimal
 * strings into Decimals. Any mistake is a PricingDataError naming the field; a price can never
 * become NaN because only plain decimal strings are accepted.
 */
import { PricingDataError } from "../errors.js";
import { type Decimal, dec } from "../money/index.js";
import {
  checkExtraLinePrices,
  type RawExtraLinePrices,
  toExtraLinePrices,
} from "./extra-line-prices.js";
import { validate } from "./generated/lambda-price-table-validator.js";
import { describeSchemaErrors, type SchemaError } from "./schema-errors.js";
import type { ArchitecturePrices, DurationTier, LambdaPriceTable, RegionPrices } from "./types.js";
import { formatPath } from "./validation-issues.js";

/**
 * The JSON Schema in pricing/lambda.schema.json, compiled to plain code at build time by
 * scripts/compile-price-schema.mjs (no validation library is loaded at run time: start-up).
 */
const validateTable = validate as unknown as ((data: unknown) => boolean) & {
  errors?: SchemaError[] | null;
};

/** What the schema guarantees once validateTable(json) is true. */
interface RawTier {
  fromGbSeconds: string;
  toGbSeconds: string | null;
  pricePerGbSecond: string;
  derived: boolean;
  derivation?: string;
}
interface RawArchitecture {
  durationTiers: RawTier[] | null;
  provisionedConcurrencyPerGbSecond: string | null;
  provisionedDurationPerGbSecond: string | null;
  ephemeralStoragePerGbSecond: string | null;
}
interface RawRegion extends RawExtraLinePrices {
  asOf: string;
  partial: boolean;
  partialNote?: string;
  sources: string[];
  requestPrice: string;
  architectures: { x86_64: RawArchitecture; arm64: RawArchitecture };
}
interface RawTable {
  currency: "USD";
  asOf: string;
  freeTier: {
    requestsPerMonth: string;
    gbSecondsPerMonth: string;
    responseStreamingGibPerMonth: string;
    sources: string[];
  };
  regions: Record<string, RawRegion>;
}

const orNull = (text: string | null): Decimal | null => (text === null ? null : dec(text));

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

function toArchitecture(raw: RawArchitecture): ArchitecturePrices | null {
  if (raw.durationTiers === null) return null;
  return {
    durationTiers: raw.durationTiers.map(
      (tier): DurationTier => ({
        fromGbSeconds: dec(tier.fromGbSeconds),
        toGbSeconds: orNull(tier.toGbSeconds),
        pricePerGbSecond: dec(tier.pricePerGbSecond),
        derived: tier.derived,
        ...(tier.derivation === undefined ? {} : { derivation: tier.derivation }),
      }),
    ),
    provisionedConcurrencyPerGbSecond: orNull(raw.provisionedConcurrencyPerGbSecond),
    provisionedDurationPerGbSecond: orNull(raw.provisionedDurationPerGbSecond),
    ephemeralStoragePerGbSecond: orNull(raw.ephemeralStoragePerGbSecond),
  };
}

function toRegion(region: string, prices: RawRegion): RegionPrices {
  return {
    region,
    requestPrice: dec(prices.requestPrice),
    architectures: {
      x86_64: toArchitecture(prices.architectures.x86_64),
      arm64: toArchitecture(prices.architectures.arm64),
    },
    ...toExtraLinePrices(prices),
    caveats: prices.partial && prices.partialNote ? [prices.partialNote] : [],
    sources: prices.sources,
    asOf: prices.asOf,
  };
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

/**
 * Validates a parsed price file and converts it to exact decimals (each region on first read).
 *
 * @example
 * const table = parseLambdaPriceTable(JSON.parse(text));
 * table.regions["us-east-1"]?.requestPrice.toFixed(); // "0.0000002"
 * parseLambdaPriceTable({}); // throws PricingDataError: "… schema must be …"
 */
export function parseLambdaPriceTable(json: unknown): LambdaPriceTable {
  if (!validateTable(json)) {
    throw new PricingDataError(
      `Lambda price table is invalid: ${describeSchemaErrors(validateTable.errors ?? [], json)}`,
    );
  }
  const raw = json as RawTable;
  const regions: Record<string, RegionPrices> = {};
  for (const [region, prices] of Object.entries(raw.regions)) {
    checkRegion(region, prices);
    // Every region is validated above, but turned into Decimals only when first read: a run
    // prices one or two of the 30 regions, and 750 Decimals cost more start-up than the whole
    // validation (npm run bench:startup).
    let converted: RegionPrices | undefined;
    Object.defineProperty(regions, region, {
      enumerable: true,
      get: () => {
        converted ??= toRegion(region, prices);
        return converted;
      },
    });
  }
  if (Object.keys(regions).length === 0) {
    throw new PricingDataError(
      "Lambda price table is invalid: regions must list at least one region",
    );
  }
  return {
    currency: raw.currency,
    asOf: raw.asOf,
    freeTier: {
      requestsPerMonth: dec(raw.freeTier.requestsPerMonth),
      gbSecondsPerMonth: dec(raw.freeTier.gbSecondsPerMonth),
      responseStreamingGibPerMonth: dec(raw.freeTier.responseStreamingGibPerMonth),
      sources: raw.freeTier.sources,
    },
    regions,
  };
}
