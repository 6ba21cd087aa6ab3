/**
 * Compares one region's lines with an offer's and records what differs (see merge-table.ts for
 * the rules): a scalar price, a tier ladder, a per-region block line.
 */
import { dec } from "../../money/index.js";
import type { BlockChange } from "./extra-lines.js";
import type { OfferTier } from "./map-offer.js";
import type { PriceChange, PriceChangeKind, RawTier } from "./raw-table.js";

/** Compares lines of one region and records what differs. */
export class RegionLog {
  touched = false;
  missing = 0;
  constructor(
    private readonly region: string,
    private readonly changes: PriceChange[],
  ) {}

  private record(kind: PriceChangeKind, line: string, before?: string, after?: string): void {
    if (kind === "missing") this.missing += 1;
    else this.touched = true;
    this.changes.push({
      region: this.region,
      kind,
      line,
      ...(before === undefined ? {} : { before }),
      ...(after === undefined ? {} : { after }),
    });
  }

  /** A block line: reported like the others, but not counted against the region's own lines. */
  block(change: BlockChange): void {
    if (change.kind !== "missing") this.touched = true;
    this.changes.push({ region: this.region, ...change });
  }

  scalar(line: string, table: string | null, offer: string | undefined): string | null {
    if (offer === undefined) {
      this.record("missing", line, table ?? "none");
      return table;
    }
    if (table !== null && dec(table).eq(offer)) return table;
    this.record(table === null ? "added" : "changed", line, table ?? "none", offer);
    return offer;
  }

  tiers(line: string, table: RawTier[] | null, offer: OfferTier[] | undefined): RawTier[] | null {
    if (!offer || offer.length === 0) {
      this.record("missing", `${line} tiers`, table ? describeTiers(table) : "none");
      return table;
    }
    const last = offer[offer.length - 1];
    const rest = last?.to === null ? [] : tailFrom(table, last?.to ?? "");
    if (rest === undefined || !table) {
      // Tiers that stop short of a boundary the table has cannot be merged: replace wholesale
      // only when the offer's ladder is complete.
      if (last?.to !== null) {
        this.record("missing", `${line} tiers`, table ? describeTiers(table) : "none");
        return table;
      }
      this.record(
        table ? "changed" : "added",
        `${line} tiers`,
        table ? describeTiers(table) : "none",
        describeOfferTiers(offer),
      );
      return offer.map(readTier);
    }
    const sameBounds = offer.every((tier, i) => table[i] && sameRange(table[i], tier));
    if (!sameBounds) {
      const replaced = [...offer.map(readTier), ...rest];
      this.record("changed", `${line} tiers`, describeTiers(table), describeTiers(replaced));
      return replaced;
    }
    const merged = offer.map((tier, i) =>
      this.tier(`${line} tier ${i + 1}`, table[i] as RawTier, tier),
    );
    rest.forEach((tier, i) => {
      this.record("missing", `${line} tier ${offer.length + i + 1}`, tier.pricePerGbSecond);
    });
    return [...merged, ...rest];
  }

  private tier(line: string, table: RawTier, offer: OfferTier): RawTier {
    if (dec(table.pricePerGbSecond).eq(offer.price)) {
      if (!table.derived) return table;
      this.record("confirmed", line, table.pricePerGbSecond, offer.price);
      return readTier(offer);
    }
    this.record("changed", line, table.pricePerGbSecond, offer.price);
    return readTier(offer);
  }
}

export function readTier(tier: OfferTier): RawTier {
  return {
    fromGbSeconds: tier.from,
    toGbSeconds: tier.to,
    pricePerGbSecond: tier.price,
    derived: false,
  };
}

function sameRange(table: RawTier, offer: OfferTier): boolean {
  const sameTo =
    table.toGbSeconds === null || offer.to === null
      ? table.toGbSeconds === offer.to
      : dec(table.toGbSeconds).eq(offer.to);
  return dec(table.fromGbSeconds).eq(offer.from) && sameTo;
}

/** The table's tiers from `from` on, or undefined when no table tier starts there. */
function tailFrom(table: RawTier[] | null, from: string): RawTier[] | undefined {
  const index = table?.findIndex((tier) => dec(tier.fromGbSeconds).eq(from)) ?? -1;
  return table && index >= 0 ? table.slice(index) : undefined;
}

function describeTiers(tiers: RawTier[]): string {
  return tiers
    .map((t) => `${t.fromGbSeconds}–${t.toGbSeconds ?? "∞"} ${t.pricePerGbSecond}`)
    .join(", ");
}

function describeOfferTiers(tiers: OfferTier[]): string {
  return tiers.map((t) => `${t.from}–${t.to ?? "∞"} ${t.price}`).join(", ");
}

/** A region the table lacks, wholly from its offer; undefined when the offer has no request price. */
