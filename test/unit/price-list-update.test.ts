/**
 * `pricing update`'s mapping and merge (src/core/pricing/price-list) on offer files written by
 * an independent generator in AWS's documented shape (price-list-offer-generator.ts).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { PricingDataError } from "../../src/core/errors.js";
import {
  mapOfferFile,
  type OfferRegionPrices,
} from "../../src/core/pricing/price-list/map-offer.js";
import {
  mergePriceList,
  type RawLambdaTable,
} from "../../src/core/pricing/price-list/merge-table.js";
import { parseOfferFile, parseRegionIndex } from "../../src/core/pricing/price-list/offer-file.js";
import { parseLambdaPriceTable } from "../../src/core/pricing/price-table-schema.js";
import {
  addProduct,
  type GeneratedOffers,
  generateOffers,
  offerParts,
} from "./price-list-offer-generator.js";

const SHIPPED_TEXT = readFileSync(new URL("../../pricing/lambda.json", import.meta.url), "utf8");
const shipped = (): RawLambdaTable => JSON.parse(SHIPPED_TEXT);
const HOST = "https://pricing.us-east-1.amazonaws.com";

/** What the command does with the files, minus I/O: JSON text in, mapped regions out. */
function readGenerated(offers: GeneratedOffers): OfferRegionPrices[] {
  const index = parseRegionIndex(
    JSON.parse(JSON.stringify(offers.regionIndex)),
    "region_index.json",
  );
  return index.regions.map((entry) => {
    const file = JSON.parse(JSON.stringify(offers.files[entry.regionCode]));
    return mapOfferFile(
      parseOfferFile(file, entry.regionCode),
      entry.regionCode,
      `${HOST}${entry.currentVersionUrl}`,
    );
  });
}

const update = (table: RawLambdaTable, offers: GeneratedOffers) =>
  mergePriceList(table, readGenerated(offers));
const text = (table: RawLambdaTable) => `${JSON.stringify(table, null, 2)}\n`;

/** The first on-demand dimensions of the product with this usage type in a generated file. */
function dimensionsOf(file: Record<string, unknown>, usageType: string) {
  const { products, onDemand } = offerParts(file);
  const [id] = Object.entries(products).find(
    ([, p]) => (p as { attributes: { usagetype: string } }).attributes.usagetype === usageType,
  ) ?? [undefined];
  if (!id) throw new Error(`no ${usageType}`);
  const term = Object.values(onDemand[id] as Record<string, { priceDimensions: object }>)[0];
  return Object.values(term?.priceDimensions ?? {}) as Array<{
    beginRange: string;
    endRange: string;
    pricePerUnit: { USD: string };
  }>;
}

function removeProduct(file: Record<string, unknown>, usageType: string): void {
  const { products, onDemand } = offerParts(file);
  for (const [id, product] of Object.entries(products)) {
    if ((product as { attributes: { usagetype: string } }).attributes.usagetype === usageType) {
      delete products[id];
      delete onDemand[id];
    }
  }
}

describe("round trip", () => {
  it("offer files generated from today's table update it to the same bytes", () => {
    const table = shipped();
    const result = update(table, generateOffers(table));
    expect(text(result.table)).toBe(SHIPPED_TEXT);
    // Nothing changed; what the offers lack (derived tiers, null prices) is reported, kept.
    const kinds = new Set(result.changes.map((c) => c.kind));
    expect([...kinds]).toEqual(["missing"]);
    expect(result.changes).toContainEqual({
      region: "eu-west-1",
      kind: "missing",
      line: "x86_64 duration tier 2",
      before: "0.000015",
    });
    expect(result.unmappedUsageTypes).toEqual([]);
  });

  it("reads AWS's padded prices and Inf ranges as the table writes them", () => {
    const offers = generateOffers(shipped());
    const east = offers.files["us-east-1"] as Record<string, unknown>;
    expect(
      dimensionsOf(east, "Lambda-GB-Second").map((d) => [
        d.beginRange,
        d.endRange,
        d.pricePerUnit.USD,
      ]),
    ).toEqual([
      ["0", "6000000000", "0.0000166667"],
      ["6000000000", "15000000000", "0.0000150000"],
      ["15000000000", "Inf", "0.0000133334"],
    ]);
    const [mapped] = readGenerated({ ...offers, regionIndex: indexOf(offers, ["us-east-1"]) });
    expect(mapped?.architectures.x86_64.durationTiers?.[1]).toEqual({
      from: "6000000000",
      to: "15000000000",
      price: "0.000015",
    });
    expect(mapped?.freeTier).toEqual({ requestsPerMonth: "1000000", gbSecondsPerMonth: "400000" });
  });
});

function indexOf(offers: GeneratedOffers, regions: string[]) {
  const all = offers.regionIndex.regions as Record<string, unknown>;
  return { ...offers.regionIndex, regions: Object.fromEntries(regions.map((r) => [r, all[r]])) };
}

describe("changes", () => {
  it("a tier price change shows in the diff and in the table, with the offer as source", () => {
    const table = shipped();
    const offers = generateOffers(table);
    const east = offers.files["us-east-1"] as Record<string, unknown>;
    const tier2 = dimensionsOf(east, "Lambda-GB-Second").find((d) => d.beginRange === "6000000000");
    tier2!.pricePerUnit.USD = "0.0000145000";
    east.publicationDate = "2026-11-20T10:00:00Z";
    const result = update(table, offers);
    expect(result.changes.filter((c) => c.kind !== "missing")).toEqual([
      {
        region: "us-east-1",
        kind: "changed",
        line: "x86_64 duration tier 2",
        before: "0.000015",
        after: "0.0000145",
      },
    ]);
    const region = result.table.regions["us-east-1"]!;
    expect(region.architectures.x86_64.durationTiers?.[1]).toEqual({
      fromGbSeconds: "6000000000",
      toGbSeconds: "15000000000",
      pricePerGbSecond: "0.0000145",
      derived: false,
    });
    expect(region.asOf).toBe("2026-11-20");
    // Every us-east-1 line came from the offer: it is the region's one source now.
    expect(region.sources).toEqual([
      `AWS Price List ${HOST}/offers/v1.0/aws/AWSLambda/20260919000000/us-east-1/index.json (offer version 20260919000000, published 2026-11-20)`,
    ]);
    expect(result.table.asOf).toBe("2026-11-20");
    expect(() => parseLambdaPriceTable(result.table)).not.toThrow();
  });

  it("tier boundaries that move replace the ladder", () => {
    const table = shipped();
    const offers = generateOffers(table);
    const dims = dimensionsOf(
      offers.files["us-east-2"] as Record<string, unknown>,
      "USE2-Lambda-GB-Second-ARM",
    );
    dims[0]!.endRange = "8000000000";
    dims[1]!.beginRange = "8000000000";
    const result = update(table, offers);
    const change = result.changes.find((c) => c.region === "us-east-2" && c.kind === "changed");
    expect(change?.line).toBe("arm64 duration tiers");
    expect(change?.after).toMatch(/^0–8000000000 0\.0000133334, 8000000000–18750000000 /);
    expect(
      result.table.regions["us-east-2"]?.architectures.arm64.durationTiers?.[0]?.toGbSeconds,
    ).toBe("8000000000");
  });

  it("a derived price the offer confirms becomes read", () => {
    const table = shipped();
    const offers = generateOffers(table);
    const dims = dimensionsOf(
      offers.files["eu-west-1"] as Record<string, unknown>,
      "EU-Lambda-GB-Second",
    );
    // The whole ladder, as AWS publishes it: tiers 2 and 3 equal the table's derived ones.
    dims[0]!.endRange = "6000000000";
    dims.push({
      beginRange: "6000000000",
      endRange: "15000000000",
      pricePerUnit: { USD: "0.0000150000" },
    } as never);
    const { products } = offerParts(offers.files["eu-west-1"] as Record<string, unknown>);
    expect(Object.keys(products).length).toBeGreaterThan(0);
    const full = generateOffers(fullLadder(table, "eu-west-1"));
    const result = update(table, full);
    const confirmed = result.changes.filter((c) => c.kind === "confirmed");
    expect(confirmed.map((c) => c.line)).toEqual([
      "x86_64 duration tier 2",
      "x86_64 duration tier 3",
    ]);
    const tiers = result.table.regions["eu-west-1"]?.architectures.x86_64.durationTiers;
    expect(tiers?.map((t) => t.derived)).toEqual([false, false, false]);
    expect(result.table.regions["eu-west-1"]?.sources[0]).toMatch(
      /^AWS Price List https:\/\/pricing/,
    );
  });

  it("a new region is added wholly from its offer", () => {
    const table = shipped();
    const withNew = shipped();
    withNew.regions["mx-central-1"] = {
      ...structuredClone(withNew.regions["us-east-1"]!),
      asOf: "2026-11-02",
    };
    const result = update(table, generateOffers(withNew));
    expect(result.changes.filter((c) => c.kind === "new-region")).toEqual([
      { region: "mx-central-1", kind: "new-region", line: "", after: "" },
    ]);
    const added = result.table.regions["mx-central-1"]!;
    expect(added.requestPrice).toBe("0.0000002");
    expect(added.partial).toBe(false);
    expect(added.asOf).toBe("2026-11-02");
    expect(added.architectures.arm64.durationTiers?.[2]?.pricePerGbSecond).toBe("0.0000106667");
    expect(added.sources[0]).toContain("/AWSLambda/20261102000000/mx-central-1/index.json");
    expect(() => parseLambdaPriceTable(result.table)).not.toThrow();
  });

  it("a region or line the offers lack is reported and kept", () => {
    const table = shipped();
    const offers = generateOffers(table);
    delete (offers.regionIndex.regions as Record<string, unknown>)["sa-east-1"];
    removeProduct(
      offers.files["us-east-1"] as Record<string, unknown>,
      "Lambda-Provisioned-Concurrency",
    );
    const result = update(table, offers);
    expect(result.changes).toContainEqual({
      region: "sa-east-1",
      kind: "missing-region",
      line: "",
    });
    expect(result.changes).toContainEqual({
      region: "us-east-1",
      kind: "missing",
      line: "x86_64 provisioned concurrency",
      before: "0.0000041667",
    });
    expect(text(result.table)).toBe(SHIPPED_TEXT);
  });

  it("folds SnapStart, streaming and Edge prices into their blocks, with the offer as source", () => {
    const table = shipped();
    const withEdge = shipped();
    // eu-west-1 has no SnapStart block today; its offer now prices it.
    withEdge.regions["eu-west-1"]!.snapStart = structuredClone(
      withEdge.regions["us-east-1"]!.snapStart,
    );
    const offers = generateOffers(withEdge);
    const restore = dimensionsOf(
      offers.files["us-east-1"] as Record<string, unknown>,
      "Lambda-SnapStart-Restored-GB",
    );
    restore[0]!.pricePerUnit.USD = "0.0001500000";
    const result = update(table, offers);
    expect(result.changes.filter((c) => c.kind === "changed" || c.kind === "added")).toEqual([
      {
        region: "us-east-1",
        kind: "changed",
        line: "SnapStart restore",
        before: "0.0001397998",
        after: "0.00015",
      },
      {
        region: "eu-west-1",
        kind: "added",
        line: "SnapStart cache",
        before: "none",
        after: "0.0000015046",
      },
      {
        region: "eu-west-1",
        kind: "added",
        line: "SnapStart restore",
        before: "none",
        after: "0.0001397998",
      },
    ]);
    const snapStart = result.table.regions["us-east-1"]!.snapStart as {
      restorePerGb: string;
      sources: string[];
      asOf: string;
    };
    expect(snapStart.restorePerGb).toBe("0.00015");
    expect(snapStart.sources[0]).toMatch(
      /^AWS Price List https:\/\/pricing\.us-east-1\.amazonaws\.com\/offers\/v1\.0\/aws\/AWSLambda\/20260919000000\/us-east-1\/index\.json/,
    );
    expect(Object.keys(result.table.regions["eu-west-1"]!.snapStart as object)).toEqual([
      "cachePerGbSecond",
      "restorePerGb",
      "sources",
      "asOf",
    ]);
    expect(() => parseLambdaPriceTable(result.table)).not.toThrow();
  });

  it("is idempotent: a second update from the same files changes nothing", () => {
    const table = shipped();
    const withNew = shipped();
    withNew.regions["mx-central-1"] = {
      ...structuredClone(withNew.regions["us-east-2"]!),
      asOf: "2026-11-02",
    };
    for (const tier of withNew.regions["eu-west-1"]!.architectures.x86_64.durationTiers!)
      tier.derived = false;
    withNew.regions["eu-west-1"]!.asOf = "2026-11-02";
    const offers = generateOffers(withNew);
    const once = update(table, offers).table;
    const twice = update(structuredClone(once), offers);
    expect(twice.changes.filter((c) => c.kind !== "missing")).toEqual([]);
    expect(text(twice.table)).toBe(text(once));
  });

  it("the same prices published later move asOf and make the offer the source", () => {
    const table = shipped();
    const later = shipped();
    later.regions["us-west-2"]!.asOf = "2026-11-30";
    const result = update(table, generateOffers(later));
    expect(result.changes.filter((c) => c.kind !== "missing")).toEqual([
      {
        region: "us-west-2",
        kind: "refreshed",
        line: "",
        before: "2026-09-28",
        after: "2026-11-30",
      },
    ]);
    const region = result.table.regions["us-west-2"]!;
    expect(region.asOf).toBe("2026-11-30");
    expect(region.sources).toHaveLength(1);
    expect(region.sources[0]).toContain("/AWSLambda/20261130000000/us-west-2/index.json");
    expect(region.requestPrice).toBe(table.regions["us-west-2"]!.requestPrice);
    expect(result.table.asOf).toBe("2026-11-30");
  });

  it("lists usage types no table line takes", () => {
    const table = shipped();
    const offers = generateOffers(table);
    const parts = offerParts(offers.files["us-east-2"] as Record<string, unknown>);
    addProduct(
      parts,
      "us-east-2",
      "USE2-Lambda-Widget-Seconds",
      "AWS-Lambda-Widget",
      "Seconds",
      [{ begin: "0", end: "Inf", usd: "0.1" }],
      "2026-09-28T00:00:00Z",
    );
    expect(update(table, offers).unmappedUsageTypes).toEqual(["Lambda-Widget-Seconds"]);
  });
});

/** The table with `region`'s x86_64 tiers marked read, to generate the full ladder AWS lists. */
function fullLadder(table: RawLambdaTable, region: string): RawLambdaTable {
  const copy = structuredClone(table);
  for (const tier of copy.regions[region]?.architectures.x86_64.durationTiers ?? [])
    tier.derived = false;
  return copy;
}

describe("malformed offer files", () => {
  const good = () =>
    structuredClone(generateOffers(shipped()).files["us-east-2"]) as Record<string, unknown>;
  it.each([
    [
      "no terms",
      (f: Record<string, unknown>) => delete f.terms,
      /us-east-2: terms must be an object; this is not an AWS Price List file/,
    ],
    [
      "a price that is not a decimal",
      (f: Record<string, unknown>) => {
        dimensionsOf(f, "USE2-Request")[0]!.pricePerUnit.USD = "free";
      },
      /pricePerUnit\.USD must be a string matching/,
    ],
    [
      "tiers with a gap",
      (f: Record<string, unknown>) => {
        dimensionsOf(f, "USE2-Lambda-GB-Second")[1]!.beginRange = "7000000000";
      },
      /the USE2-Lambda-GB-Second ranges are not contiguous from 0 \(band 2 is 7000000000–15000000000\)/,
    ],
    [
      "a tiered request price",
      (f: Record<string, unknown>) => {
        dimensionsOf(f, "USE2-Request")[0]!.endRange = "5";
      },
      /USE2-Request should have one price from 0 to Inf/,
    ],
    [
      "Request and Request-ARM that differ",
      (f: Record<string, unknown>) => {
        dimensionsOf(f, "USE2-Request-ARM")[0]!.pricePerUnit.USD = "0.0000003000";
      },
      /Request and Request-ARM differ \(0\.0000002, 0\.0000003\)/,
    ],
  ])("%s is a PricingDataError naming the file and field", (_name, mutate, message) => {
    const file = good();
    mutate(file);
    const read = () => mapOfferFile(parseOfferFile(file, "us-east-2"), "us-east-2", HOST);
    expect(read).toThrow(PricingDataError);
    expect(read).toThrow(message);
  });

  it("refuses region index entries that point outside the offers or name no region", () => {
    const index = (code: string, url: string) => ({
      publicationDate: "2026-09-28T00:00:00Z",
      regions: { x: { regionCode: code, currentVersionUrl: url } },
    });
    expect(() =>
      parseRegionIndex(
        index("us-east-1", "/offers/v1.0/aws/AWSLambda/1/../../etc/index.json"),
        "idx",
      ),
    ).toThrow(/currentVersionUrl must be a string matching/);
    expect(() =>
      parseRegionIndex(index("../etc", "/offers/v1.0/aws/AWSLambda/1/us-east-1/index.json"), "idx"),
    ).toThrow(/regionCode must be a string matching/);
  });
});
