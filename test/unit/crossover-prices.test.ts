/**
 * pricing/fargate.json and pricing/ec2.json: what ships is valid and sourced; anything malformed
 * is a PricingDataError that names the file and the field.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseFargatePriceTable } from "../../src/core/crossover/price-tables.js";
import { PricingDataError } from "../../src/core/errors.js";
import { loadEc2PriceTable } from "../../src/prices/ec2-prices.js";
import { loadFargatePriceTable } from "../../src/prices/fargate-prices.js";
import { parseShippedTable } from "../../src/prices/price-files.js";

const shipped = (file: string) =>
  JSON.parse(readFileSync(new URL(`../../pricing/${file}`, import.meta.url), "utf8"));
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
      "t4g.nano t4g.micro t4g.small t4g.medium t4g.large t4g.xlarge t3.micro t3.small t3.medium t3.large t3.xlarge m7g.medium m7g.large m7g.xlarge m6g.large m7i.large m7i.xlarge c7i.large c7g.large c7g.xlarge c7g.2xlarge c7g.4xlarge m7g.2xlarge m7g.4xlarge r7g.xlarge r7g.2xlarge r7g.4xlarge c7i.xlarge c7i.2xlarge c7i.4xlarge m7i.2xlarge m7i.4xlarge r7i.xlarge r7i.2xlarge r7i.4xlarge".split(
        " ",
      );
    expect(Object.keys(table.instanceTypes).sort()).toEqual([...shipped].sort());
    expect(Object.keys(table.regions["us-east-1"]!.hourlyPrices).sort()).toEqual(
      [...shipped].sort(),
    );
    expect(table.regions["us-east-1"]!.hourlyPrices["c7i.large"]!.toFixed()).toBe("0.08925");
    expect(table.baselineSource).toContain("burstable-credits-baseline-concepts");
  });

  // The c/m/r 7th-generation sizes LMI runs on, as transcribed from the AWS on-demand page
  // (us-east-1 Linux, $/h) with vCPUs and GiB from the instance-type pages. Within a family each
  // size doubles the one below, which the table below also shows.
  it.each([
    ["c7g.xlarge", "4", "8", "0.145"],
    ["c7g.2xlarge", "8", "16", "0.29"],
    ["c7g.4xlarge", "16", "32", "0.58"],
    ["m7g.xlarge", "4", "16", "0.1632"],
    ["m7g.2xlarge", "8", "32", "0.3264"],
    ["m7g.4xlarge", "16", "64", "0.6528"],
    ["r7g.xlarge", "4", "32", "0.2142"],
    ["r7g.2xlarge", "8", "64", "0.4284"],
    ["r7g.4xlarge", "16", "128", "0.8568"],
    ["c7i.xlarge", "4", "8", "0.1785"],
    ["c7i.2xlarge", "8", "16", "0.357"],
    ["c7i.4xlarge", "16", "32", "0.714"],
    ["m7i.xlarge", "4", "16", "0.2016"],
    ["m7i.2xlarge", "8", "32", "0.4032"],
    ["m7i.4xlarge", "16", "64", "0.8064"],
    ["r7i.xlarge", "4", "32", "0.2646"],
    ["r7i.2xlarge", "8", "64", "0.5292"],
    ["r7i.4xlarge", "16", "128", "1.0584"],
  ])("EC2 %s: %s vCPUs, %s GiB, $%s/h, not burstable", (name, vcpus, gib, price) => {
    const table = loadEc2PriceTable();
    const type = table.instanceTypes[name]!;
    expect([type.vcpus.toFixed(), type.memoryGib.toFixed(), type.burstable]).toEqual([
      vcpus,
      gib,
      false,
    ]);
    expect(table.regions["us-east-1"]!.hourlyPrices[name]!.toFixed()).toBe(price);
  });

  it("EC2: every price added for LMI says how it was checked, and the unverified ones say so", () => {
    const checks = loadEc2PriceTable().regions["us-east-1"]!.priceChecks;
    const added =
      "c7g.xlarge c7g.2xlarge c7g.4xlarge m7g.2xlarge m7g.4xlarge r7g.xlarge r7g.2xlarge r7g.4xlarge c7i.xlarge c7i.2xlarge c7i.4xlarge m7i.2xlarge m7i.4xlarge r7i.xlarge r7i.2xlarge r7i.4xlarge".split(
        " ",
      );
    expect(Object.keys(checks).sort()).toEqual([...added].sort());
    const unverified = Object.keys(checks).filter((name) => checks[name]!.startsWith("UNVERIFIED"));
    expect(unverified.sort()).toEqual(["m7i.4xlarge", "r7i.4xlarge"]);
    for (const note of Object.values(checks)) expect(note).toMatch(/transcribed 2026-12-01$/);
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

describe("a malformed shipped table (a broken edit of pricing/)", () => {
  it("is a PricingDataError naming pricing/<file> and the field", () => {
    const { savingsPlans } = shipped("fargate.json");
    const broken = { currency: "USD", asOf: "2026-11-26", regions: {}, spot: {}, savingsPlans };
    expect(() => parseShippedTable("fargate.json", broken, parseFargatePriceTable)).toThrow(
      /^pricing\/fargate\.json: Fargate price table is invalid: spot\.discountFraction/,
    );
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
    [
      "EC2",
      () => ({
        ...ec2,
        regions: {
          "us-east-1": { ...ec2.regions["us-east-1"], priceChecks: { "r7g.8xlarge": "checked" } },
        },
      }),
      /priceChecks\.r7g\.8xlarge checks a price the region does not list/,
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
