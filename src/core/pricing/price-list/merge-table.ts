/**
 * Folds the prices read from the Price List into pricing/lambda.json, as JSON (decimal strings),
 * changing only what the offer files change, so an update that changes nothing rewrites the file
 * byte for byte:
 *
 * - a price equal to the table's keeps the table's entry (its sources, notes, derived flag);
 *   a DERIVED price the offer confirms becomes read (`derived: false`);
 * - a different or new price replaces the table's, read (`derived: false`);
 * - a line the offer does not price keeps the table's value and is reported missing;
 *   a region the offers do not list is kept and reported missing; a new region is added;
 * - a region where anything changed takes the offer's publication date as `asOf` and its file
 *   as first source; if every one of its lines came from the offer, the offer is its only source
 *   and it is no longer partial (older notes described older sources).
 */
import { dec } from "../../money/index.js";
import { ARCHITECTURES, type Architecture } from "../types.js";
import { mergeBlock, PRICE_LIST_BLOCKS, REGION_BLOCKS } from "./extra-lines.js";
import type { OfferArchitecturePrices, OfferRegionPrices } from "./map-offer.js";
import {
  describeSource,
  type MergeResult,
  PRICE_LIST_SOURCE,
  type PriceChange,
  type RawArchitecture,
  type RawLambdaTable,
  type RawRegion,
} from "./raw-table.js";
import { RegionLog, readTier } from "./region-log.js";

export * from "./raw-table.js";

const SCALARS = [
  ["provisionedConcurrencyPerGbSecond", "provisioned concurrency"],
  ["provisionedDurationPerGbSecond", "provisioned duration"],
  ["ephemeralStoragePerGbSecond", "ephemeral storage"],
] as const;

/**
 * @example
 * const { table, changes } = mergePriceList(JSON.parse(text), offers);
 * changes; // [{ region: "us-east-1", kind: "changed", line: "x86_64 duration tier 2", before: "0.000015", after: "0.0000145" }]
 */
export function mergePriceList(current: RawLambdaTable, offers: OfferRegionPrices[]): MergeResult {
  const table = structuredClone(current);
  const changes: PriceChange[] = [];
  let latest = table.asOf;
  for (const offer of offers) {
    const existing = table.regions[offer.region];
    const merged = existing ? mergeRegion(existing, offer, changes) : newRegion(offer, changes);
    if (merged?.touched) {
      table.regions[offer.region] = merged.region;
      if (offer.source.publicationDate > latest) latest = offer.source.publicationDate;
    }
  }
  const listed = new Set(offers.map((o) => o.region));
  for (const region of Object.keys(table.regions)) {
    if (!listed.has(region)) changes.push({ region, kind: "missing-region", line: "" });
  }
  if (mergeFreeTier(table, offers, changes)) latest = maxDate(latest, offers);
  table.asOf = latest;
  const unmapped = new Set(offers.flatMap((o) => o.unmappedUsageTypes));
  return { table, changes, unmappedUsageTypes: [...unmapped].sort() };
}

interface Merged {
  region: RawRegion;
  touched: boolean;
}

function mergeRegion(
  existing: RawRegion,
  offer: OfferRegionPrices,
  changes: PriceChange[],
): Merged {
  const region = structuredClone(existing);
  const log = new RegionLog(offer.region, changes);
  region.requestPrice =
    log.scalar("requests", existing.requestPrice, offer.requestPrice) ?? existing.requestPrice;
  const wholeArchitectures = ARCHITECTURES.filter((architecture) =>
    mergeArchitecture(
      region.architectures[architecture],
      offer.architectures[architecture],
      architecture,
      log,
    ),
  );
  const cite = { source: describeSource(offer.source), asOf: offer.source.publicationDate };
  for (const name of Object.keys(PRICE_LIST_BLOCKS)) {
    const merged = mergeBlock(name, (existing[name] ?? null) as never, offer.blockPrices, cite);
    region[name] = merged.block;
    for (const change of merged.changes) log.block(change);
  }
  if (!log.touched && offer.source.publicationDate <= existing.asOf) {
    return { region, touched: false };
  }
  if (!log.touched) {
    // Same prices, newer publication: the offer now vouches for them.
    changes.push({
      region: offer.region,
      kind: "refreshed",
      line: "",
      before: existing.asOf,
      after: offer.source.publicationDate,
    });
  }
  region.asOf = offer.source.publicationDate;
  const cited = describeSource(offer.source);
  if (log.missing === 0) {
    region.sources = [cited];
    region.partial = false;
    delete region.partialNote;
    if (region.notes) region.notes = [];
  } else {
    region.sources = [cited, ...region.sources.filter((s) => !s.startsWith(PRICE_LIST_SOURCE))];
  }
  for (const architecture of wholeArchitectures) {
    if (region.architectures[architecture].notes) region.architectures[architecture].notes = [];
  }
  return { region, touched: true };
}

/** Merges one architecture in place; true when every one of its lines came from the offer. */
function mergeArchitecture(
  prices: RawArchitecture,
  offer: OfferArchitecturePrices,
  architecture: Architecture,
  log: RegionLog,
): boolean {
  const missingBefore = log.missing;
  prices.durationTiers = log.tiers(
    `${architecture} duration`,
    prices.durationTiers,
    offer.durationTiers,
  );
  for (const [field, name] of SCALARS) {
    prices[field] = log.scalar(`${architecture} ${name}`, prices[field], offer[field]);
  }
  return log.missing === missingBefore;
}

/** Compares lines of one region and records what differs. */
function newRegion(offer: OfferRegionPrices, changes: PriceChange[]): Merged | undefined {
  const missing: string[] = [];
  const need = <T>(value: T | undefined, line: string): T | null => {
    if (value === undefined) missing.push(line);
    return value ?? null;
  };
  const architecture = (name: Architecture): RawArchitecture => {
    const prices = offer.architectures[name];
    const tiers = prices.durationTiers;
    const complete = tiers && tiers[tiers.length - 1]?.to === null;
    if (!complete) missing.push(`${name} duration`);
    return {
      durationTiers: complete ? tiers.map(readTier) : null,
      provisionedConcurrencyPerGbSecond: need(
        prices.provisionedConcurrencyPerGbSecond,
        `${name} provisioned concurrency`,
      ),
      provisionedDurationPerGbSecond: need(
        prices.provisionedDurationPerGbSecond,
        `${name} provisioned duration`,
      ),
      ephemeralStoragePerGbSecond: need(
        prices.ephemeralStoragePerGbSecond,
        `${name} ephemeral storage`,
      ),
      notes: [],
    };
  };
  const architectures = { x86_64: architecture("x86_64"), arm64: architecture("arm64") };
  if (offer.requestPrice === undefined) {
    changes.push({
      region: offer.region,
      kind: "missing",
      line: "requests (new region not added)",
      before: "none",
    });
    return undefined;
  }
  const region: RawRegion = {
    asOf: offer.source.publicationDate,
    partial: missing.length > 0,
    ...(missing.length > 0
      ? {
          partialNote: `Partial price data for ${offer.region}: the AWS Price List gives no ${missing.join(", ")} price.`,
        }
      : {}),
    sources: [describeSource(offer.source)],
    notes: [],
    requestPrice: offer.requestPrice,
    architectures,
  };
  const cite = { source: describeSource(offer.source), asOf: offer.source.publicationDate };
  for (const name of REGION_BLOCKS)
    region[name] = mergeBlock(name, null, offer.blockPrices, cite).block;
  changes.push({
    region: offer.region,
    kind: "new-region",
    line: "",
    after: missing.length > 0 ? `without ${missing.join(", ")}` : "",
  });
  return { region, touched: true };
}

function mergeFreeTier(
  table: RawLambdaTable,
  offers: OfferRegionPrices[],
  changes: PriceChange[],
): boolean {
  let touched = false;
  for (const field of ["requestsPerMonth", "gbSecondsPerMonth"] as const) {
    const offered = offers.find((o) => o.freeTier[field] !== undefined);
    const value = offered?.freeTier[field];
    if (!offered || value === undefined || dec(value).eq(table.freeTier[field])) continue;
    const line =
      field === "requestsPerMonth" ? "free tier requests a month" : "free tier GB-s a month";
    changes.push({
      region: "(account)",
      kind: "changed",
      line,
      before: table.freeTier[field],
      after: value,
    });
    table.freeTier[field] = value;
    const cited = describeSource(offered.source);
    if (!table.freeTier.sources.includes(cited)) table.freeTier.sources.unshift(cited);
    touched = true;
  }
  return touched;
}

function maxDate(current: string, offers: OfferRegionPrices[]): string {
  // ISO dates sort as strings.
  return [current, ...offers.map((o) => o.source.publicationDate)].sort().at(-1) ?? current;
}
