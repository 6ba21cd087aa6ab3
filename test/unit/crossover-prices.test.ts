/**
 * pricing/fargate.json and pricing/ec2.json: what ships is valid and sourced; anything malformed
 * is a PricingDataError that names the file and the field.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PricingDataError } from "../../src/core/errors.js";
import { loadEc2PriceTable } from "../../src/data/ec2-prices.js";
import { shippedPricingPath } from "../../src/data/fargate-and-ec2-files.js";
import { loadFargatePriceTable } from "../../src/data/fargate-prices.js";

const shipped = (file: string) => JSON.parse(readFileSync(shippedPricingPath(file), "utf8"));
const dir = mkdtempSync(join(tmpdir(), "lambda-cost-prices-"));
function write(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === "string" ? content : JSON.stringify(content));
  return path;
}

describe("shipped price files", () => {
  it("Fargate: us-east-1 and eu-central-1, every price with a source and a date", () => {
    const raw = shipped("fargate.json");
    expect(Object.keys(raw.regions)).toEqual(expect.arrayContaining(["us-east-1", "eu-central-1"]));
    for (const archs of Object.values(raw.regions) as Array<Record<string, unknown>>) {
      for (const prices of Object.values(archs)) {
        if (prices === null) continue;
        expect(prices).toMatchObject({
          source: expect.any(String),
          asOf: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
        });
      }
    }
    const table = loadFargatePriceTable();
    expect(table.spot.fraction.toFixed()).toBe("0.7");
    expect(table.spot.kind).toBe("headline-maximum");
    expect(table.spot.assumption).toMatch(/most favourable/);
  });

  it("EC2: every instance type the table ships, priced in us-east-1", () => {
    const table = loadEc2PriceTable();
    const shipped =
      "t4g.nano t4g.micro t4g.small t4g.medium t4g.large t4g.xlarge t3.micro t3.small t3.medium t3.large t3.xlarge m7g.medium m7g.large m7g.xlarge m6g.large m7i.large m7i.xlarge c7i.large c7g.large c7g.xlarge".split(
        " ",
      );
    expect(Object.keys(table.instanceTypes).sort()).toEqual([...shipped].sort());
    expect(Object.keys(table.regions["us-east-1"]!.hourlyPrices).sort()).toEqual(
      [...shipped].sort(),
    );
    expect(table.regions["us-east-1"]!.hourlyPrices["c7i.large"]!.toFixed()).toBe("0.08925");
    expect(table.baselineSource).toContain("burstable-credits-baseline-concepts");
  });

  it("Savings Plans for Lambda, Fargate and EC2, each with a source", () => {
    const ec2 = loadEc2PriceTable();
    const fargate = loadFargatePriceTable();
    for (const d of [
      ...Object.values(ec2.savingsPlans.ec2),
      ...Object.values(ec2.savingsPlans.lambda),
      ...Object.values(fargate.savingsPlans),
    ]) {
      expect(d.source.length).toBeGreaterThan(20);
      expect(d.fraction.gt(0) && d.fraction.lt(1)).toBe(true);
    }
    // AWS's headline Savings Plans maxima: Lambda 17%, Fargate 52%, EC2 66% (3 years)
    expect(ec2.savingsPlans.lambda["compute-3yr"].fraction.toFixed()).toBe("0.17");
    expect(fargate.savingsPlans["compute-3yr"].fraction.toFixed()).toBe("0.52");
    expect(ec2.savingsPlans.ec2["compute-3yr"].fraction.toFixed()).toBe("0.66");
  });
});

describe("malformed price files", () => {
  const fargate = shipped("fargate.json");
  const ec2 = shipped("ec2.json");
  const cases: Array<[string, () => unknown, RegExp]> = [
    [
      "Fargate",
      () => ({
        ...fargate,
        regions: {
          "us-east-1": {
            x86_64: { ...fargate.regions["us-east-1"].x86_64, perVcpuHour: 0.04 },
            arm64: null,
          },
        },
      }),
      /regions\.us-east-1\.x86_64\.perVcpuHour must be a string/,
    ],
    [
      "Fargate",
      () => ({ ...fargate, spot: { ...fargate.spot, discountFraction: "70%" } }),
      /spot\.discountFraction/,
    ],
    [
      "Fargate",
      () => ({ ...fargate, savingsPlans: { "compute-1yr": fargate.savingsPlans["compute-1yr"] } }),
      /savingsPlans\.compute-3yr/,
    ],
    [
      "EC2",
      () => ({
        ...ec2,
        instanceTypes: {
          ...ec2.instanceTypes,
          "t3.micro": { ...ec2.instanceTypes["t3.micro"], baselineCpuShare: null },
        },
      }),
      /t3\.micro\.baselineCpuShare must be a fraction for a burstable type/,
    ],
    [
      "EC2",
      () => ({
        ...ec2,
        regions: { "us-east-1": { ...ec2.regions["us-east-1"], hourlyPrices: { "z1.huge": "1" } } },
      }),
      /z1\.huge has no entry in instanceTypes/,
    ],
    [
      "EC2",
      () => ({
        ...ec2,
        regions: {
          "us-east-1": { ...ec2.regions["us-east-1"], hourlyPrices: { "m7g.large": "NaN" } },
        },
      }),
      /hourlyPrices\.m7g\.large/,
    ],
    ["EC2", () => ({ ...ec2, currency: "EUR" }), /currency/],
  ];

  it.each(cases)("%s: %s", (which, build, message) => {
    const path = write(`${which}-${Math.random()}.json`, build());
    const load =
      which === "Fargate" ? () => loadFargatePriceTable(path) : () => loadEc2PriceTable(path);
    expect(load).toThrow(PricingDataError);
    expect(load).toThrow(message);
    expect(load).toThrow(path);
  });

  it("a file that is not JSON", () => {
    const path = write("broken.json", "{ not json");
    expect(() => loadFargatePriceTable(path)).toThrow(/is not valid JSON/);
  });

  it("a file that is not there", () => {
    expect(() => loadEc2PriceTable(join(dir, "missing.json"))).toThrow(
      /cannot read the EC2 price table .*ENOENT/,
    );
  });
});
