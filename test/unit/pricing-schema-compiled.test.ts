/**
 * pricing/<name>.schema.json is the contract of each price file; the validators the tool runs
 * are compiled from them (scripts/compile-price-schema.mjs). These tests keep the two in step,
 * and check the shipped tables, which the tool does not check again at run time.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  checkEc2PriceTable,
  checkFargatePriceTable,
} from "../../src/core/crossover/price-tables.js";
import { validate as validateEc2 } from "../../src/core/pricing/generated/ec2-price-table-validator.js";
import { validate as validateFargate } from "../../src/core/pricing/generated/fargate-price-table-validator.js";
import { validate } from "../../src/core/pricing/generated/lambda-price-table-validator.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const read = (file: string) => JSON.parse(readFileSync(`${root}/pricing/${file}`, "utf8"));
const shipped = read("lambda.json");

describe("the compiled price-table validators", () => {
  it("are up to date with pricing/*.schema.json", () => {
    const result = spawnSync(process.execPath, ["scripts/compile-price-schema.mjs", "--check"], {
      cwd: root,
      encoding: "utf8",
    });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
  });

  it("accept the shipped Lambda table and reject a price written as a JSON number", () => {
    expect(validate(shipped)).toBe(true);
    const copy = structuredClone(shipped);
    copy.regions["us-east-1"].requestPrice = 2e-7;
    expect(validate(copy)).toBe(false);
  });

  it("accept the shipped Fargate and EC2 tables, with every cross-field rule", () => {
    const fargate = read("fargate.json");
    const ec2 = read("ec2.json");
    expect(validateFargate(fargate)).toBe(true);
    expect(validateEc2(ec2)).toBe(true);
    expect(() => checkFargatePriceTable(fargate)).not.toThrow();
    expect(() => checkEc2PriceTable(ec2)).not.toThrow();
  });

  it("reject a Fargate price written as a JSON number and an EC2 share above 1", () => {
    const fargate = read("fargate.json");
    fargate.regions["us-east-1"].arm64.perGbHour = 0.00356;
    expect(() => checkFargatePriceTable(fargate)).toThrow(
      "Fargate price table is invalid: regions.us-east-1.arm64.perGbHour must be a string (got 0.00356)",
    );
    const ec2 = read("ec2.json");
    ec2.instanceTypes["t3.micro"].baselineCpuShare = "1.5";
    expect(() => checkEc2PriceTable(ec2)).toThrow(
      'EC2 price table is invalid: instanceTypes.t3.micro.baselineCpuShare must be a decimal string from "0" to "1" (got "1.5")',
    );
  });
});
