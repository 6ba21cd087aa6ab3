/**
 * The four regions whose arm64 prices AWS's public material (as searched for this project) does
 * not give — ap-south-2, ca-west-1, eu-south-2, il-central-1 — carry arm64 duration tiers DERIVED
 * from their x86_64 tier 1 (× 0.8, rounded half up to 10 decimals; tiers 2/3 × 0.9 / × 0.8), each
 * marked `derived` with its `derivation`. Figures below are worked by hand from those prices.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { formatUsd } from "../../src/core/money/index.js";
import { type FunctionUsage, priceLambda } from "../../src/core/pricing/index.js";
import { loadLambdaPriceTable } from "../../src/prices/lambda-prices.js";
import { runInProcess } from "../cli/run-in-process.js";

const table = loadLambdaPriceTable();
const raw = JSON.parse(readFileSync(new URL("../../pricing/lambda.json", import.meta.url), "utf8"));
type RawTier = { pricePerGbSecond: string; derived: boolean } | undefined;
interface RawRegion {
  architectures: Record<"x86_64" | "arm64", { durationTiers: RawTier[] | null }>;
}
const DERIVED_REGIONS = ["ap-south-2", "ca-west-1", "eu-south-2", "il-central-1"];

/** 10M invocations × 1 s × 1024 MB = 10,000,000 GB-s (tier 1), no free tier. */
const usage = (region: string): FunctionUsage => ({
  region,
  architecture: "arm64",
  memoryMb: 1024,
  monthlyRequests: 10_000_000,
  averageDurationMs: 1000,
});

describe("arm64 in the four regions without an AWS-published arm64 price", () => {
  it.each([
    // x86_64 tier 1 0.0000166667 × 0.8 = 0.00001333336 → 0.0000133334 per GB-s.
    // 10,000,000 GB-s × 0.0000133334 = $133.334; requests 10M × $0.0000002 = $2.00.
    ["ap-south-2", "0.0000133334", "133.334", "2", "$135.33"],
    ["ca-west-1", "0.0000133334", "133.334", "2", "$135.33"],
    ["eu-south-2", "0.0000133334", "133.334", "2", "$135.33"],
    // x86_64 tier 1 0.0000175 × 0.8 = 0.000014 per GB-s: 10,000,000 × 0.000014 = $140.00;
    // requests 10M × $0.00000021 = $2.10; total $142.10.
    ["il-central-1", "0.000014", "140", "2.1", "$142.10"],
  ])(
    "%s: 10M × 1 s × 1024 MB costs what the derived price says",
    (region, price, duration, requests, total) => {
      const estimate = priceLambda([usage(region)], table, { freeTier: false });
      const byName = Object.fromEntries(estimate.lines.map((l) => [l.name, l]));
      expect(byName["Duration (tier 1)"]?.unitPrice.toFixed()).toBe(price);
      expect(byName["Duration (tier 1)"]?.cost.toFixed()).toBe(duration);
      expect(byName.Requests?.cost.toFixed()).toBe(requests);
      expect(formatUsd(estimate.total)).toBe(total);
      // The caveat names the rule, not "derived from tier 1".
      expect(estimate.caveats.join("\n")).toMatch(
        new RegExp(
          `${region} arm64 duration tier 1 price \\(${price}/GB-s\\) is derived \\(x86_64 tier 1 x 0\\.8`,
        ),
      );
    },
  );

  it("marks every one of those tiers derived, with its rule", () => {
    for (const region of DERIVED_REGIONS) {
      const tiers = raw.regions[region].architectures.arm64.durationTiers;
      expect(tiers.map((t: { derived: boolean }) => t.derived)).toEqual([true, true, true]);
      for (const tier of tiers) expect(tier.derivation).toMatch(/x 0\.[89]/);
    }
  });

  it("uses the ratio AWS's own prices follow: arm64 tier 1 = x86_64 tier 1 × 0.8, rounded to 10 decimals", () => {
    // Evidence for the rule: every region whose arm64 tier 1 is read from an AWS source (not
    // derived) obeys it, except ap-east-1 (0.00002292 × 0.8 = 0.000018336; AWS: 0.0000183).
    const obeys: string[] = [];
    const breaks: string[] = [];
    for (const [region, prices] of Object.entries(raw.regions as Record<string, RawRegion>)) {
      const arm = prices.architectures.arm64.durationTiers?.[0];
      const x86 = prices.architectures.x86_64.durationTiers?.[0];
      if (!arm || !x86 || arm.derived || x86.derived) continue;
      const derived = table.regions[
        region
      ]!.architectures.x86_64!.durationTiers[0]!.pricePerGbSecond.times("0.8")
        .toDecimalPlaces(10)
        .toFixed();
      (derived === arm.pricePerGbSecond ? obeys : breaks).push(region);
    }
    expect(breaks).toEqual(["ap-east-1"]);
    expect(obeys.length).toBeGreaterThanOrEqual(20);
  });

  it("estimate --arch arm64 works there (it used to exit 2)", async () => {
    const result = await runInProcess([
      "estimate",
      ...["--region", "il-central-1", "--arch", "arm64", "--memory", "1024"],
      ...["--duration", "1s", "--requests", "10M", "--no-free-tier", "--format", "json"],
    ]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    // Hand computation above: $140.00 + $2.10.
    expect(result.stdout).toMatch(/"total": 142\.1\b/);
  });
});
