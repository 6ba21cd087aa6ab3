/**
 * Writes AWS Price List files — region_index.json and each region's index.json — in the shape
 * AWS documents (AWS Billing User Guide, "Reading the price list files") and publishes for
 * AWSLambda: products keyed by SKU with `usagetype` (region prefix such as USE2-, none in
 * us-east-1, legacy EU- in eu-west-1), `group`, `regionCode`, `location`; on-demand terms
 * `<sku>.JRTCKXETXF` whose price dimensions `<sku>.JRTCKXETXF.<rate>` carry `beginRange` /
 * `endRange` ("Inf") and `pricePerUnit.USD` padded to 10 decimals as AWS writes them.
 *
 * Written from the table independently of the updater's mapping (its own names, prefixes and
 * layout): only what AWS would publish for a price we hold as read from AWS — not the table's
 * derived tiers or missing (null) prices, which are the updater's to keep and report.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { RawLambdaTable, RawTier } from "../../src/core/pricing/price-list/merge-table.js";

/** AWS billing region prefixes of usage types (us-east-1 has none; eu-west-1 the legacy EU). */
const PREFIX: Record<string, string> = {
  "us-east-1": "",
  "us-east-2": "USE2-",
  "us-west-1": "USW1-",
  "us-west-2": "USW2-",
  "eu-west-1": "EU-",
  "eu-central-1": "EUC1-",
  "ap-northeast-1": "APN1-",
  "ap-south-2": "APS5-",
};
const prefixOf = (region: string) =>
  PREFIX[region] ??
  `${region
    .split("-")
    .map((part) => (/\d/.test(part) ? part : part.slice(0, 2).toUpperCase()))
    .join("")
    .slice(0, 6)}-`;

/** [usage type, group, unit] per line, x86_64 first; arm64 adds -ARM to both names. */
const LINES = {
  requests: ["Request", "AWS-Lambda-Requests", "Requests"],
  duration: ["Lambda-GB-Second", "AWS-Lambda-Duration", "Lambda-GB-Second"],
  pc: ["Lambda-Provisioned-Concurrency", "AWS-Lambda-Provisioned-Concurrency", "Lambda-GB-Second"],
  pcDuration: [
    "Lambda-Provisioned-GB-Second",
    "AWS-Lambda-Duration-Provisioned",
    "Lambda-GB-Second",
  ],
  storage: ["Lambda-Storage-GB-Second", "AWS-Lambda-Storage-Duration", "GB-Seconds"],
} as const;

/** [block, field, usage type, group, unit] of the other lines the AWSLambda files price. */
const EXTRA_LINES = [
  [
    "snapStart",
    "cachePerGbSecond",
    "Lambda-SnapStart-Cached-GB-S",
    "AWS-Lambda-SnapStart-Cached",
    "Lambda-GB-Second",
  ],
  [
    "snapStart",
    "restorePerGb",
    "Lambda-SnapStart-Restored-GB",
    "AWS-Lambda-SnapStart-Restored",
    "GB",
  ],
  [
    "responseStreaming",
    "perGb.x86_64",
    "Lambda-Streaming-Response-Processed-Bytes",
    "AWS-Lambda-Streaming",
    "GB",
  ],
  [
    "responseStreaming",
    "perGb.arm64",
    "Lambda-Streaming-Response-Processed-Bytes-ARM",
    "AWS-Lambda-Streaming-ARM",
    "GB",
  ],
  ["edge", "requestPrice", "Lambda-Edge-Request", "AWS-Lambda-Edge-Requests", "Requests"],
  [
    "edge",
    "pricePerGbSecond",
    "Lambda-Edge-GB-Second",
    "AWS-Lambda-Edge-Duration",
    "Lambda-GB-Second",
  ],
] as const;

const ON_DEMAND = "JRTCKXETXF";

/** AWS writes prices with at least 10 decimals: "0.0000150000". */
function awsPrice(price: string): string {
  const [whole = "0", fraction = ""] = price.split(".");
  return `${whole}.${fraction.padEnd(10, "0")}`;
}

/** A stable 16-character SKU, like AWS's (e.g. GU2ZS9HVP6QTQ7KE). */
function sku(seed: string): string {
  const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  let hash = 2166136261;
  for (const char of seed) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619) >>> 0;
  let out = "";
  while (out.length < 16) {
    hash = Math.imul(hash ^ (hash >>> 15), 2246822519) >>> 0;
    out += alphabet[hash % alphabet.length];
  }
  return out;
}

export interface Band {
  begin: string;
  end: string;
  usd: string;
}

interface OfferBuilder {
  products: Record<string, unknown>;
  onDemand: Record<string, unknown>;
}

export function addProduct(
  offer: OfferBuilder,
  region: string | undefined,
  usageType: string,
  group: string,
  unit: string,
  bands: Band[],
  effectiveDate: string,
): void {
  const id = sku(`${region ?? "global"}/${usageType}`);
  offer.products[id] = {
    sku: id,
    productFamily: "Serverless",
    attributes: {
      servicecode: "AWSLambda",
      location: region ? `Region ${region}` : "Any",
      locationType: region ? "AWS Region" : "Other",
      ...(region ? { regionCode: region } : {}),
      group,
      groupDescription: `${group} for ${usageType}`,
      usagetype: usageType,
      operation: "",
      servicename: "AWS Lambda",
    },
  };
  const term = `${id}.${ON_DEMAND}`;
  const priceDimensions: Record<string, unknown> = {};
  bands.forEach((band, i) => {
    const rate = `${term}.${sku(`${id}${i}`).slice(0, 10)}`;
    priceDimensions[rate] = {
      rateCode: rate,
      description: `${band.usd} USD per ${unit} (${band.begin}–${band.end})`,
      beginRange: band.begin,
      endRange: band.end,
      unit,
      pricePerUnit: { USD: awsPrice(band.usd) },
      appliesTo: [],
    };
  });
  offer.onDemand[id] = {
    [term]: {
      offerTermCode: ON_DEMAND,
      sku: id,
      effectiveDate,
      priceDimensions,
      termAttributes: {},
    },
  };
}

/** The tiers AWS would list: the leading run the table holds as read (not derived). */
function readTiers(tiers: RawTier[] | null): Band[] {
  const bands: Band[] = [];
  for (const tier of tiers ?? []) {
    if (tier.derived) break;
    bands.push({
      begin: tier.fromGbSeconds,
      end: tier.toGbSeconds ?? "Inf",
      usd: tier.pricePerGbSecond,
    });
  }
  return bands;
}

export interface GeneratedOffers {
  regionIndex: Record<string, unknown>;
  /** Each region's index.json, by region code. */
  files: Record<string, Record<string, unknown>>;
}

const version = (date: string) => `${date.replaceAll("-", "")}000000`;

/** Offer files for every region of `table`, each published on the region's asOf date. */
export function generateOffers(table: RawLambdaTable): GeneratedOffers {
  const files: Record<string, Record<string, unknown>> = {};
  const regions: Record<string, unknown> = {};
  for (const [region, prices] of Object.entries(table.regions)) {
    const offer: OfferBuilder = { products: {}, onDemand: {} };
    const effective = `${prices.asOf}T00:00:00Z`;
    const put = (line: keyof typeof LINES, arm: boolean, bands: Band[]) => {
      if (bands.length === 0) return;
      const [usageType, group, unit] = LINES[line];
      const suffix = arm ? "-ARM" : "";
      addProduct(
        offer,
        region,
        `${prefixOf(region)}${usageType}${suffix}`,
        `${group}${suffix}`,
        unit,
        bands,
        effective,
      );
    };
    const single = (price: string | null): Band[] =>
      price === null ? [] : [{ begin: "0", end: "Inf", usd: price }];
    for (const arch of ["x86_64", "arm64"] as const) {
      const arm = arch === "arm64";
      const prices_ = prices.architectures[arch];
      put("requests", arm, single(prices.requestPrice));
      put("duration", arm, readTiers(prices_.durationTiers));
      put("pc", arm, single(prices_.provisionedConcurrencyPerGbSecond));
      put("pcDuration", arm, single(prices_.provisionedDurationPerGbSecond));
      put("storage", arm, single(prices_.ephemeralStoragePerGbSecond));
    }
    // The other per-region blocks the AWSLambda files price (SnapStart, streaming, Edge).
    const block = (name: string) => prices[name] as Record<string, unknown> | null;
    for (const [blockName, field, usageType, group, unit] of EXTRA_LINES) {
      const [first, second] = field.split(".") as [string, string | undefined];
      const holder = block(blockName);
      const value = (
        second
          ? (holder?.[first] as Record<string, unknown> | undefined)?.[second]
          : holder?.[first]
      ) as string | null | undefined;
      if (value)
        addProduct(
          offer,
          region,
          `${prefixOf(region)}${usageType}`,
          group,
          unit,
          [{ begin: "0", end: "Inf", usd: value }],
          effective,
        );
    }
    if (region === "us-east-1") {
      // The account-wide free tier, as global zero-priced bands.
      const { requestsPerMonth, gbSecondsPerMonth } = table.freeTier;
      addProduct(
        offer,
        undefined,
        "Global-Request",
        "AWS-Lambda-Requests",
        "Requests",
        [{ begin: "0", end: requestsPerMonth, usd: "0" }],
        effective,
      );
      addProduct(
        offer,
        undefined,
        "Global-Lambda-GB-Second",
        "AWS-Lambda-Duration",
        "Lambda-GB-Second",
        [{ begin: "0", end: gbSecondsPerMonth, usd: "0" }],
        effective,
      );
    }
    const v = version(prices.asOf);
    files[region] = {
      formatVersion: "v1.0",
      disclaimer: "This pricing list is for informational purposes only.",
      offerCode: "AWSLambda",
      version: v,
      publicationDate: effective,
      products: offer.products,
      terms: { OnDemand: offer.onDemand },
    };
    regions[region] = {
      regionCode: region,
      currentVersionUrl: `/offers/v1.0/aws/AWSLambda/${v}/${region}/index.json`,
    };
  }
  return {
    regionIndex: {
      formatVersion: "v1.0",
      disclaimer: "This pricing list is for informational purposes only.",
      publicationDate: `${table.asOf}T00:00:00Z`,
      regions,
    },
    files,
  };
}

/** Lays the files out as --offer-dir reads them: DIR/region_index.json, DIR/<region>/index.json. */
export function writeOfferDir(dir: string, offers: GeneratedOffers): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "region_index.json"), JSON.stringify(offers.regionIndex));
  for (const [region, file] of Object.entries(offers.files)) {
    mkdirSync(join(dir, region), { recursive: true });
    writeFileSync(join(dir, region, "index.json"), JSON.stringify(file));
  }
}

/** A region's products and terms, to edit a generated file in a test. */
export function offerParts(file: Record<string, unknown>): OfferBuilder {
  return {
    products: file.products as Record<string, unknown>,
    onDemand: (file.terms as { OnDemand: Record<string, unknown> }).OnDemand,
  };
}
