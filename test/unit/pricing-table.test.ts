/**
 * pricing/lambda.json against figures typed in from the AWS Lambda pricing page
 * (https://aws.amazon.com/lambda/pricing/, read 2026-09-28), and parseLambdaPriceTable's errors.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PricingDataError } from "../../src/core/errors.js";
import { parseLambdaPriceTable } from "../../src/core/pricing/index.js";
import { checkLambdaPriceTable } from "../../src/core/pricing/price-table-schema.js";
import { loadLambdaPriceTable } from "../../src/prices/lambda-prices.js";

const SHIPPED = new URL("../../pricing/lambda.json", import.meta.url);

const raw = JSON.parse(readFileSync(SHIPPED, "utf8"));
const table = loadLambdaPriceTable();

describe("the shipped table", () => {
  it("passes every check of parseLambdaPriceTable (loadLambdaPriceTable trusts it at run time)", () => {
    expect(() => checkLambdaPriceTable(raw)).not.toThrow();
    expect(parseLambdaPriceTable(raw).regions["us-east-1"]?.requestPrice.toFixed()).toBe(
      table.regions["us-east-1"]?.requestPrice.toFixed(),
    );
  });

  it("has 30 USD regions, both architectures, sources and a date each", () => {
    expect(table.currency).toBe("USD");
    expect(Object.keys(table.regions)).toHaveLength(30);
    for (const region of Object.values(table.regions)) {
      expect(region.sources.length).toBeGreaterThan(0);
      expect(region.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(region.architectures.x86_64).not.toBeNull();
    }
    expect(table.freeTier.requestsPerMonth.toFixed()).toBe("1000000");
    expect(table.freeTier.gbSecondsPerMonth.toFixed()).toBe("400000");
  });

  it.each([
    // the AWS Lambda pricing page, us-east-1 table
    [
      "us-east-1",
      "x86_64",
      ["0.0000166667", "0.000015", "0.0000133334"],
      "0.0000041667",
      "0.0000097222",
    ],
    [
      "us-east-1",
      "arm64",
      ["0.0000133334", "0.0000120001", "0.0000106667"],
      "0.0000033334",
      "0.0000077778",
    ],
    // the AWS Lambda pricing page: eu-west-1 PC 0.0000046460, PC-duration 0.0000108407
    [
      "eu-west-1",
      "x86_64",
      ["0.0000166667", "0.000015", "0.0000133334"],
      "0.000004646",
      "0.0000108407",
    ],
  ] as const)("%s %s prices", (region, arch, tiers, pc, pcDuration) => {
    const prices = table.regions[region]?.architectures[arch];
    expect(prices?.durationTiers.map((t) => t.pricePerGbSecond.toFixed())).toEqual(tiers);
    expect(prices?.provisionedConcurrencyPerGbSecond?.toFixed()).toBe(pc);
    expect(prices?.provisionedDurationPerGbSecond?.toFixed()).toBe(pcDuration);
  });

  it.each([
    // the AWS Lambda pricing page: af-south-1 $0.27/M and $0.0000221; ap-east-1 $0.28/M and $0.00002292
    ["af-south-1", "0.00000027", "0.0000221"],
    ["ap-east-1", "0.00000028", "0.00002292"],
    ["us-east-1", "0.0000002", "0.0000166667"],
  ])("%s request and tier-1 prices", (region, request, tier1) => {
    expect(table.regions[region]?.requestPrice.toFixed()).toBe(request);
    expect(
      table.regions[region]?.architectures.x86_64?.durationTiers[0]?.pricePerGbSecond.toFixed(),
    ).toBe(tier1);
  });

  it("stores prices as plain decimal strings, never numbers or exponents", () => {
    const text = readFileSync(SHIPPED, "utf8");
    expect(text).not.toMatch(/"(requestPrice|pricePerGbSecond|\w+PerGbSecond)": \d/);
    expect(text).not.toMatch(/\de-\d/);
  });

  it("flags partial regions with a note that becomes a caveat", () => {
    const partial = Object.values(table.regions).filter((r) => r.caveats.length > 0);
    expect(partial.map((r) => r.region).sort()).toEqual([
      "ap-south-2",
      "ap-southeast-3",
      "ca-west-1",
      "eu-south-2",
      "il-central-1",
      "me-central-1",
    ]);
    // arm64 there is derived from x86_64 (test/unit/pricing-arm64-derived.test.ts), never null.
    expect(table.regions["il-central-1"]?.architectures.arm64?.durationTiers[0]?.derived).toBe(
      true,
    );
  });
});

describe("parseLambdaPriceTable errors", () => {
  const broken = (mutate: (copy: typeof raw) => void) => {
    const copy = structuredClone(raw);
    mutate(copy);
    return () => parseLambdaPriceTable(copy);
  };

  it.each([
    [
      "a number price",
      (c: typeof raw) => {
        c.regions["us-east-1"].requestPrice = 2e-7;
      },
      /regions\.us-east-1\.requestPrice must be a string \(got 2e-7\)/,
    ],
    [
      "a word for a price",
      (c: typeof raw) => {
        c.regions["eu-west-1"].architectures.arm64.durationTiers[1].pricePerGbSecond = "cheap";
      },
      /regions\.eu-west-1\.architectures\.arm64\.durationTiers\[1\]\.pricePerGbSecond must be a plain decimal string/,
    ],
    [
      "a missing field",
      (c: typeof raw) => {
        delete c.regions["us-west-1"].architectures.x86_64.provisionedDurationPerGbSecond;
      },
      /regions\.us-west-1\.architectures\.x86_64\.provisionedDurationPerGbSecond must be/,
    ],
    [
      "another currency",
      (c: typeof raw) => {
        c.currency = "CNY";
      },
      /currency must be one of "USD" \(got "CNY"\)/,
    ],
    [
      "a gap between tiers",
      (c: typeof raw) => {
        c.regions["us-east-1"].architectures.x86_64.durationTiers[1].fromGbSeconds = "7000000000";
      },
      /regions\.us-east-1\.architectures\.x86_64\.durationTiers\[1\]\.fromGbSeconds must be 6000000000/,
    ],
    [
      "a closed last tier",
      (c: typeof raw) => {
        c.regions["us-east-1"].architectures.arm64.durationTiers[2].toGbSeconds = "99000000000";
      },
      /durationTiers\[2\]\.toGbSeconds must be null/,
    ],
    [
      "a partial region without a note",
      (c: typeof raw) => {
        delete c.regions["ca-west-1"].partialNote;
      },
      /regions\.ca-west-1\.partialNote must be given/,
    ],
    [
      "no sources",
      (c: typeof raw) => {
        c.regions["us-east-1"].sources = [];
      },
      /regions\.us-east-1\.sources must have at least 1 item/,
    ],
  ])("%s", (_label, mutate, message) => {
    expect(broken(mutate)).toThrow(PricingDataError);
    expect(broken(mutate)).toThrow(message);
  });

  it("rejects something that is not a table at all", () => {
    expect(() => parseLambdaPriceTable(null)).toThrow(
      /Lambda price table is invalid: \(top level\) must be an object/,
    );
  });
});

describe("loadLambdaPriceTable", () => {
  const dir = mkdtempSync(join(tmpdir(), "lambda-cost-prices-"));
  it("names a missing file", () => {
    expect(() => loadLambdaPriceTable(join(dir, "nope.json"))).toThrow(
      /cannot read the Lambda price table .*nope\.json \(ENOENT\)/,
    );
  });
  it("names a file that is not JSON", () => {
    const file = join(dir, "bad.json");
    writeFileSync(file, "{ nope");
    expect(() => loadLambdaPriceTable(file)).toThrow(PricingDataError);
    expect(() => loadLambdaPriceTable(file)).toThrow(/bad\.json is not valid JSON/);
  });
  it("names the file and the field of an invalid table", () => {
    const file = join(dir, "invalid.json");
    writeFileSync(file, JSON.stringify({ ...raw, asOf: "late 2026" }));
    expect(() => loadLambdaPriceTable(file)).toThrow(
      /invalid\.json: Lambda price table is invalid: asOf must be a date YYYY-MM-DD/,
    );
  });
});
