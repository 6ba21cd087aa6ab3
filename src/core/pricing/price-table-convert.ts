/**
 * Turns a Lambda price table that passed the checks of price-table-schema.ts into Decimals.
 * Kept apart from those checks (and their compiled schema validator, ~100 kB of code) so that
 * `estimate`, which prices against the shipped table only, never loads them (start-up).
 */
import { type Decimal, dec } from "../money/index.js";
import { type RawExtraLinePrices, toExtraLinePrices } from "./extra-line-prices.js";
import type { ArchitecturePrices, DurationTier, LambdaPriceTable, RegionPrices } from "./types.js";

/** What the schema guarantees once validateTable(json) is true. */
export interface RawTier {
  fromGbSeconds: string;
  toGbSeconds: string | null;
  pricePerGbSecond: string;
  derived: boolean;
  derivation?: string;
}
export interface RawArchitecture {
  durationTiers: RawTier[] | null;
  provisionedConcurrencyPerGbSecond: string | null;
  provisionedDurationPerGbSecond: string | null;
  ephemeralStoragePerGbSecond: string | null;
}
export interface RawRegion extends RawExtraLinePrices {
  asOf: string;
  partial: boolean;
  partialNote?: string;
  sources: string[];
  requestPrice: string;
  architectures: { x86_64: RawArchitecture; arm64: RawArchitecture };
}
export interface RawTable {
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

/**
 * Converts a table that already passed checkLambdaPriceTable, without checking it again. Only
 * for the shipped pricing/lambda.json: the build (scripts/bundle-cli.mjs) and a unit test check
 * it, and it cannot change after that; checking its 30 regions again on every run was the
 * largest part of `estimate`'s start-up (npm run bench:startup).
 */
export function convertCheckedLambdaPriceTable(json: unknown): LambdaPriceTable {
  const raw = json as RawTable;
  const regions: Record<string, RegionPrices> = {};
  for (const [region, prices] of Object.entries(raw.regions)) {
    // Turned into Decimals only when first read: a run prices one or two of the 30 regions,
    // and 750 Decimals cost more start-up than the rest of loading the table.
    let converted: RegionPrices | undefined;
    Object.defineProperty(regions, region, {
      enumerable: true,
      get: () => {
        converted ??= toRegion(region, prices);
        return converted;
      },
    });
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
