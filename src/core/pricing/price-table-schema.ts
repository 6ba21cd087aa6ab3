/**
 * Validates pricing/lambda.json (shape: pricing/lambda.schema.json) and turns its decimal
 * strings into Decimals. Any mistake is a PricingDataError naming the field; a price can never
 * become NaN because only plain decimal strings are accepted.
 */
import * as z from "zod/mini";
import { PricingDataError } from "../errors.js";
import { type Decimal, dec } from "../money/index.js";
import type { ArchitecturePrices, DurationTier, LambdaPriceTable, RegionPrices } from "./types.js";
import { describeIssues, formatPath } from "./validation-issues.js";

const decimalString = z
  .string()
  .check(z.regex(/^\d+(\.\d+)?$/, 'must be a plain decimal string such as "0.0000166667"'));
const isoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date YYYY-MM-DD"));
const sources = z.array(z.string().check(z.minLength(1))).check(z.minLength(1));

const tierSchema = z.object({
  fromGbSeconds: decimalString,
  toGbSeconds: z.nullable(decimalString),
  pricePerGbSecond: decimalString,
  derived: z.boolean(),
});

const architectureSchema = z.object({
  durationTiers: z.nullable(z.array(tierSchema).check(z.minLength(1))),
  provisionedConcurrencyPerGbSecond: z.nullable(decimalString),
  provisionedDurationPerGbSecond: z.nullable(decimalString),
  ephemeralStoragePerGbSecond: z.nullable(decimalString),
  notes: z.optional(z.array(z.string())),
});

const regionSchema = z.object({
  asOf: isoDate,
  partial: z.boolean(),
  partialNote: z.optional(z.string()),
  sources,
  notes: z.optional(z.array(z.string())),
  requestPrice: decimalString,
  architectures: z.object({ x86_64: architectureSchema, arm64: architectureSchema }),
});

const tableSchema = z.object({
  schema: z.literal("lambda-price-table/v1"),
  currency: z.literal("USD"),
  asOf: isoDate,
  freeTier: z.object({
    requestsPerMonth: decimalString,
    gbSecondsPerMonth: decimalString,
    sources,
  }),
  regions: z.record(z.string(), regionSchema),
});

type RawTier = z.infer<typeof tierSchema>;
type RawArchitecture = z.infer<typeof architectureSchema>;
type RawRegion = z.infer<typeof regionSchema>;

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
  // jitless: zod would otherwise compile a fast parser for each object shape, which only pays
  // off over many parses; the table is parsed once per run (measured by npm run bench:startup).
  const result = tableSchema.safeParse(json, { jitless: true });
  if (!result.success) {
    throw new PricingDataError(
      `Lambda price table is invalid: ${describeIssues(result.error.issues, json)}`,
    );
  }
  const raw = result.data;
  const regions: Record<string, RegionPrices> = {};
  for (const [region, prices] of Object.entries(raw.regions)) {
    checkRegion(region, prices);
    // Every region is validated above, but turned into Decimals only when first read: a run
    // prices one or two of the 30 regions, and 750 Decimals cost more start-up than the
    // whole zod parse (npm run bench:startup).
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
      sources: raw.freeTier.sources,
    },
    regions,
  };
}
