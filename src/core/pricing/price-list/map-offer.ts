/**
 * One region's Price List file → the prices pricing/lambda.json holds for that region. Only the
 * on-demand terms count; a line the file does not price stays undefined (the merge keeps the
 * table's value and reports it), and usage types the table has no line for are listed.
 */
import { PricingDataError } from "../../errors.js";
import { dec } from "../../money/index.js";
import type { Architecture } from "../types.js";
import { BLOCK_USAGE_TYPES } from "./extra-lines.js";
import type { OfferProduct, PriceDimension, PriceListOffer } from "./offer-file.js";
import {
  FREE_TIER_USAGE_TYPES,
  lineOfUsageType,
  type PriceListLine,
  usageTypeName,
} from "./usage-types.js";

/** A tier as the table writes it: decimal strings, `to` null for the open last tier. */
export interface OfferTier {
  from: string;
  to: string | null;
  price: string;
}

export interface OfferArchitecturePrices {
  /** Contiguous from 0; may stop before the open end if the file gives only the first tiers. */
  durationTiers?: OfferTier[];
  provisionedConcurrencyPerGbSecond?: string;
  provisionedDurationPerGbSecond?: string;
  ephemeralStoragePerGbSecond?: string;
}

/** Where a region's prices were published: the offer file's URL, version and date. */
export interface OfferSource {
  url: string;
  version: string | undefined;
  /** YYYY-MM-DD. */
  publicationDate: string;
}

export interface OfferRegionPrices {
  region: string;
  source: OfferSource;
  requestPrice?: string;
  architectures: Record<Architecture, OfferArchitecturePrices>;
  freeTier: { requestsPerMonth?: string; gbSecondsPerMonth?: string };
  /** Prices of the per-region blocks (SnapStart, streaming, Edge), by usage type without prefix. */
  blockPrices: Record<string, string>;
  /** Region-prefix-free usage types in the file that no table line takes (e.g. Lambda-Edge-Request). */
  unmappedUsageTypes: string[];
}

/** "0.0000150000" → "0.000015": the table's plain decimal form. */
const plain = (value: string): string => dec(value).toFixed();

/**
 * @example
 * const prices = mapOfferFile(offer, "us-east-1", "https://pricing.us-east-1.amazonaws.com/offers/…/us-east-1/index.json");
 * prices.architectures.x86_64.durationTiers; // [{ from: "0", to: "6000000000", price: "0.0000166667" }, …]
 */
export function mapOfferFile(
  offer: PriceListOffer,
  region: string,
  url: string,
): OfferRegionPrices {
  const where = `the Price List file for ${region}`;
  const result: OfferRegionPrices = {
    region,
    source: { url, version: offer.version, publicationDate: offer.publicationDate.slice(0, 10) },
    architectures: { x86_64: {}, arm64: {} },
    freeTier: {},
    blockPrices: {},
    unmappedUsageTypes: [],
  };
  const unmapped = new Set<string>();
  const seen = new Map<string, OfferProduct>();
  for (const product of offer.products) {
    const usageType = product.attributes.usagetype;
    if (usageType === undefined || product.onDemand.length === 0) continue;
    const free = Object.entries(FREE_TIER_USAGE_TYPES).find(([, name]) => name === usageType);
    if (free) {
      result.freeTier[free[0] as keyof typeof FREE_TIER_USAGE_TYPES] = freeAllowance(
        product,
        where,
      );
      continue;
    }
    // Products of another region (or global ones) do not price this region's lines.
    const productRegion = product.attributes.regionCode;
    if (productRegion !== undefined && productRegion !== region) continue;
    const name = usageTypeName(usageType);
    if (BLOCK_USAGE_TYPES.has(name)) {
      result.blockPrices[name] = singlePrice(product.onDemand, where, usageType);
      continue;
    }
    const target = lineOfUsageType(usageType);
    if (!target) {
      unmapped.add(name);
      continue;
    }
    const key = `${target.architecture} ${target.line}`;
    const earlier = seen.get(key);
    if (earlier && !sameDimensions(earlier.onDemand, product.onDemand)) {
      throw new PricingDataError(
        `${where}: SKUs ${earlier.sku} and ${product.sku} both price ${usageType}, differently; remove the stale file or report it`,
      );
    }
    seen.set(key, product);
    assign(result, target.architecture, target.line, product, where);
  }
  result.unmappedUsageTypes = [...unmapped].sort();
  return result;
}

function assign(
  result: OfferRegionPrices,
  architecture: Architecture,
  line: PriceListLine,
  product: OfferProduct,
  where: string,
): void {
  const usageType = product.attributes.usagetype ?? product.sku;
  if (line === "durationTiers") {
    result.architectures[architecture].durationTiers = tiersOf(product.onDemand, where, usageType);
    return;
  }
  const price = singlePrice(product.onDemand, where, usageType);
  if (line !== "requests") {
    result.architectures[architecture][line] = price;
    return;
  }
  // The table has one request price per region (Request and Request-ARM have always matched).
  if (result.requestPrice !== undefined && result.requestPrice !== price) {
    throw new PricingDataError(
      `${where}: Request and Request-ARM differ (${result.requestPrice}, ${price}); the price table holds one request price per region`,
    );
  }
  result.requestPrice = price;
}

function sorted(dimensions: PriceDimension[]): PriceDimension[] {
  return [...dimensions].sort((a, b) => dec(a.beginRange).comparedTo(dec(b.beginRange)));
}

/** The dimensions as contiguous tiers from 0; the last may be open ("Inf" → null). */
function tiersOf(dimensions: PriceDimension[], where: string, usageType: string): OfferTier[] {
  let expectedFrom = "0";
  return sorted(dimensions).map((dimension, index, all) => {
    const from = plain(dimension.beginRange);
    const to = dimension.endRange === "Inf" ? null : plain(dimension.endRange);
    const open = to === null;
    if (
      from !== expectedFrom ||
      (open && index !== all.length - 1) ||
      (to !== null && !dec(to).gt(from))
    ) {
      throw new PricingDataError(
        `${where}: the ${usageType} ranges are not contiguous from 0 (band ${index + 1} is ${dimension.beginRange}–${dimension.endRange}); expected tiers that start at 0 and touch`,
      );
    }
    expectedFrom = to ?? "";
    return { from, to, price: plain(dimension.usd) };
  });
}

function singlePrice(dimensions: PriceDimension[], where: string, usageType: string): string {
  const [only] = dimensions;
  if (dimensions.length !== 1 || !only || dec(only.beginRange).gt(0) || only.endRange !== "Inf") {
    throw new PricingDataError(
      `${where}: ${usageType} should have one price from 0 to Inf, but has ${dimensions.length} band(s); the price table has no tiers for it`,
    );
  }
  return plain(only.usd);
}

/** The free band of a Global-* product: the end of its zero-priced range from 0. */
function freeAllowance(product: OfferProduct, where: string): string {
  const free = sorted(product.onDemand)[0];
  if (
    !free ||
    !dec(free.beginRange).isZero() ||
    !dec(free.usd).isZero() ||
    free.endRange === "Inf"
  ) {
    throw new PricingDataError(
      `${where}: ${product.attributes.usagetype} should start with a band priced 0 from 0 to the free allowance`,
    );
  }
  return plain(free.endRange);
}

function sameDimensions(a: PriceDimension[], b: PriceDimension[]): boolean {
  const key = (dims: PriceDimension[]) =>
    sorted(dims)
      .map((d) => `${plain(d.beginRange)}-${d.endRange}-${plain(d.usd)}`)
      .join();
  return key(a) === key(b);
}
