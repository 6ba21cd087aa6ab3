/**
 * pricing/lambda.schema.json is the contract of the Lambda price file; the validator the tool
 * runs is compiled from it (scripts/compile-price-schema.mjs). These tests keep the two in step.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { validate } from "../../src/core/pricing/generated/lambda-price-table-validator.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const shipped = JSON.parse(readFileSync(`${root}/pricing/lambda.json`, "utf8"));

describe("the compiled price-table validator", () => {
  it("is up to date with pricing/lambda.schema.json", () => {
    const result = spawnSync(process.execPath, ["scripts/compile-price-schema.mjs", "--check"], {
      cwd: root,
      encoding: "utf8",
    });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
  });

  it("accepts the shipped table and rejects a price written as a JSON number", () => {
    expect(validate(shipped)).toBe(true);
    const copy = structuredClone(shipped);
    copy.regions["us-east-1"].requestPrice = 2e-7;
    expect(validate(copy)).toBe(false);
  });
});
