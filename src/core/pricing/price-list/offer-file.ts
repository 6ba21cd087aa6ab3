/**
 * The AWS Price List bulk files, as AWS documents them (AWS Billing User Guide, "Reading the
 * price list files", https://docs.aws.amazon.com/awsaccountbilling/latest/aboutv2/bulk-api-reading-price-list-files.html):
 *
 * - the service region index, `…/offers/v1.0/aws/AWSLambda/current/region_index.json`:
 *   `{ publicationDate, regions: { <code>: { regionCode, currentVersionUrl } } }`, the URL
 *   relative to the Price List host (`/offers/v1.0/aws/AWSLambda/<version>/<code>/index.json`);
 * - a region's price list file: `{ offerCode, version, publicationDate, products: { <sku>:
 *   { sku, productFamily, attributes: { usagetype, group, regionCode, location, … } } },
 *   terms: { OnDemand: { <sku>: { <sku>.<offerTermCode>: { priceDimensions: { <rateCode>:
 *   { unit, beginRange, endRange, pricePerUnit: { USD } } } } } } }` — a tiered price is several
 *   dimensions of one SKU, `endRange` "Inf" on the last.
 *
 * Here both are checked (any deviation is a PricingDataError naming the field) and flattened.
 * Pure: the caller reads the files.
 */
import { PricingDataError } from "../../errors.js";

export interface RegionIndexEntry {
  regionCode: string;
  /** Relative to the Price List host, e.g. /offers/v1.0/aws/AWSLambda/20260919002359/us-east-1/index.json */
  currentVersionUrl: string;
}

export interface RegionIndex {
  publicationDate: string;
  regions: RegionIndexEntry[];
}

/** One on-demand price band of a product. */
export interface PriceDimension {
  unit: string;
  /** Decimal strings; endRange "Inf" for an open band. */
  beginRange: string;
  endRange: string;
  /** The USD price per unit, as written ("0.0000166667"). */
  usd: string;
}

export interface OfferProduct {
  sku: string;
  attributes: Record<string, string>;
  /** Every dimension of every on-demand term of this SKU (normally one term). */
  onDemand: PriceDimension[];
}

export interface PriceListOffer {
  version: string | undefined;
  /** ISO timestamp, e.g. 2026-09-19T00:23:59Z. */
  publicationDate: string;
  products: OfferProduct[];
}

/** A region code as the price table names regions (pricing/lambda.schema.json). */
export const REGION_CODE = /^[a-z]{2}(-[a-z]+)+-\d+$/;
const DECIMAL = /^\d+(\.\d+)?$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T|$)/;
/** The only place a region's file may live: under the service's offers, no `..`. */
const OFFER_PATH = /^\/offers\/v1\.0\/aws\/[A-Za-z0-9]+\/[A-Za-z0-9._-]+\/[a-z0-9-]+\/index\.json$/;

type Json = Record<string, unknown>;

function fail(where: string, what: string): never {
  throw new PricingDataError(
    `${where}: ${what}; this is not an AWS Price List file as AWS documents it`,
  );
}

function object(value: unknown, where: string, path: string): Json {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    fail(where, `${path} must be an object`);
  }
  return value as Json;
}

function text(value: unknown, where: string, path: string, pattern?: RegExp): string {
  if (typeof value !== "string" || (pattern && !pattern.test(value))) {
    fail(where, `${path} must be ${pattern ? `a string matching ${pattern}` : "a string"}`);
  }
  return value;
}

/**
 * Checks a parsed region_index.json; `where` names the file in messages.
 *
 * @example
 * parseRegionIndex({ publicationDate: "2026-09-19T00:23:59Z", regions: { "us-east-1": {
 *   regionCode: "us-east-1", currentVersionUrl: "/offers/v1.0/aws/AWSLambda/20260919002359/us-east-1/index.json" } } }, "region_index.json");
 */
export function parseRegionIndex(json: unknown, where: string): RegionIndex {
  const root = object(json, where, "the file");
  const publicationDate = text(root.publicationDate, where, "publicationDate", ISO_DATE);
  const regions = Object.entries(object(root.regions, where, "regions")).map(([key, value]) => {
    const entry = object(value, where, `regions.${key}`);
    const regionCode = text(entry.regionCode, where, `regions.${key}.regionCode`, REGION_CODE);
    const currentVersionUrl = text(
      entry.currentVersionUrl,
      where,
      `regions.${key}.currentVersionUrl`,
      OFFER_PATH,
    );
    return { regionCode, currentVersionUrl };
  });
  return { publicationDate, regions };
}

/** Checks a parsed region price list file and flattens its on-demand terms onto its products. */
export function parseOfferFile(json: unknown, where: string): PriceListOffer {
  const root = object(json, where, "the file");
  const publicationDate = text(root.publicationDate, where, "publicationDate", ISO_DATE);
  const version = root.version === undefined ? undefined : text(root.version, where, "version");
  const terms = object(root.terms, where, "terms");
  const onDemand = object(terms.OnDemand ?? {}, where, "terms.OnDemand");
  const products = Object.entries(object(root.products, where, "products")).map(([key, value]) => {
    const product = object(value, where, `products.${key}`);
    const sku = text(product.sku, where, `products.${key}.sku`);
    const attributes: Record<string, string> = {};
    const rawAttributes = object(product.attributes, where, `products.${key}.attributes`);
    for (const [name, attribute] of Object.entries(rawAttributes)) {
      attributes[name] = text(attribute, where, `products.${key}.attributes.${name}`);
    }
    return {
      sku,
      attributes,
      onDemand: dimensionsOf(onDemand[sku], where, `terms.OnDemand.${sku}`),
    };
  });
  return { version, publicationDate, products };
}

function dimensionsOf(value: unknown, where: string, path: string): PriceDimension[] {
  if (value === undefined) return [];
  const dimensions: PriceDimension[] = [];
  for (const [termCode, term] of Object.entries(object(value, where, path))) {
    const termPath = `${path}.${termCode}`;
    const byRate = object(
      object(term, where, termPath).priceDimensions,
      where,
      `${termPath}.priceDimensions`,
    );
    for (const [rateCode, raw] of Object.entries(byRate)) {
      const at = `${termPath}.priceDimensions.${rateCode}`;
      const dimension = object(raw, where, at);
      dimensions.push({
        unit: text(dimension.unit, where, `${at}.unit`),
        beginRange: text(dimension.beginRange, where, `${at}.beginRange`, DECIMAL),
        endRange: text(dimension.endRange, where, `${at}.endRange`, /^(\d+(\.\d+)?|Inf)$/),
        usd: text(
          object(dimension.pricePerUnit, where, `${at}.pricePerUnit`).USD,
          where,
          `${at}.pricePerUnit.USD`,
          DECIMAL,
        ),
      });
    }
  }
  return dimensions;
}
