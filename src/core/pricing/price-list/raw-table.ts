/**
 * pricing/lambda.json as JSON (decimal strings), the shape `pricing update` reads and writes,
 * and the changes it reports. The schema is pricing/lambda.schema.json.
 */
import type { RawArchitecture as CheckedArchitecture, RawTier } from "../price-table-convert.js";
import type { Architecture } from "../types.js";
import type { OfferSource } from "./map-offer.js";

export type { RawTier };
/** An architecture's prices as the file holds them, with the notes `pricing update` keeps. */
export interface RawArchitecture extends CheckedArchitecture {
  notes?: string[];
}
export interface RawRegion {
  asOf: string;
  partial: boolean;
  partialNote?: string;
  sources: string[];
  notes?: string[];
  requestPrice: string;
  architectures: Record<Architecture, RawArchitecture>;
  /** snapStart, responseStreaming, edge, …: an object or null (see extra-lines.ts). */
  [block: string]: unknown;
}
export interface RawLambdaTable {
  asOf: string;
  freeTier: { requestsPerMonth: string; gbSecondsPerMonth: string; sources: string[] };
  regions: Record<string, RawRegion>;
  [other: string]: unknown;
}

export type PriceChangeKind =
  | "changed"
  | "added"
  | "confirmed"
  | "missing"
  | "new-region"
  | "missing-region"
  | "refreshed";

/** One difference between the table and the offer files, for the diff printed before writing. */
export interface PriceChange {
  region: string;
  kind: PriceChangeKind;
  /** e.g. "requests", "x86_64 duration tier 2", "arm64 provisioned concurrency"; "" for a region. */
  line: string;
  before?: string;
  after?: string;
}

export interface MergeResult {
  table: RawLambdaTable;
  changes: PriceChange[];
  /** Usage types in the offers that no table line takes, with the regions that list them. */
  unmappedUsageTypes: string[];
}

export const PRICE_LIST_SOURCE = "AWS Price List ";

/** How a region's offer file is cited in `sources`. */
export function describeSource(source: OfferSource): string {
  const version = source.version ? `offer version ${source.version}, ` : "";
  return `${PRICE_LIST_SOURCE}${source.url} (${version}published ${source.publicationDate})`;
}
