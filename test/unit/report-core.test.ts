import { describe, expect, it } from "vitest";
import { sumValues } from "../../src/aws/cloudwatch-metrics.js";
import { dec, roundTo, toPlainString } from "../../src/core/money/index.js";
import { shareAllowance } from "../../src/core/report/allocation.js";
import { buildMonthlyReport } from "../../src/core/report/build-report.js";
import { parseMonth } from "../../src/core/report/month.js";
import type { FunctionMonthInput, ReportRow } from "../../src/core/report/types.js";
import { TEST_PRICE_TABLE } from "./report-price-table.js";

const six = (value: { toFixed(): string } & Parameters<typeof roundTo>[0]) =>
  roundTo(value, 6).toFixed(6);

function fn(partial: Partial<FunctionMonthInput> & { functionName: string }): FunctionMonthInput {
  return {
    region: "us-east-1",
    architecture: "x86_64",
    memoryMb: 1024,
    ephemeralStorageMb: 512,
    invocations: dec(0),
    durationMsSum: dec(0),
    provisionedInvocations: dec(0),
    provisionedConcurrency: 0,
    ...partial,
  };
}

const october = { month: parseMonth("2026-10"), accountId: "123456789012" };

describe("buildMonthlyReport", () => {
  // Three functions, October 2026 (744 h), free tier on. Hand computation:
  // api (us-east-1, x86, 1024 MB): billed ms 199,000,000 + 0.5 × 2,000,000 = 200,000,000
  //   → 200,000 s × 1 GB = 200,000 GB-s; requests 2M × 0.0000002 = 0.4;
  //   duration 200,000 × 0.0000166667 = 3.33334.
  // worker (us-east-1, arm64, 2048 MB, 2048 MB /tmp): billed ms 249,750,000 + 250,000 =
  //   250,000,000 → 250,000 s × 2 GB = 500,000 GB-s; requests 0.1; duration 500,000 ×
  //   0.0000133334 = 6.6667; storage 1.5 GB × 250,000 s = 375,000 GB-s × 0.0000000309 = 0.0115875.
  // pc-fn (eu-west-1, x86, 512 MB, PC 2, 400,000 of 1,000,000 invocations on PC): billed ms
  //   49,500,000 + 500,000 = 50,000,000 → 50,000 s × 0.5 GB = 25,000 GB-s; PC share 0.4 →
  //   10,000 PC GB-s, 15,000 on-demand; requests 0.2; duration 15,000 × 0.0000166667 = 0.2500005;
  //   PC: allocation 2 × 0.5 GB × 744 h × 3600 = 2,678,400 GB-s × 0.000004646 = 12.4438464,
  //   plus 10,000 × 0.0000108407 = 0.108407 → 12.5522534.
  // Free tier: requests (PC-served too) 2,000,000 + 500,000 + 1,000,000 = 3,500,000 → 1M free,
  //   shared 2/3.5, 0.5/3.5, 1/3.5; on-demand GB-s 200,000 + 500,000 + 15,000 = 715,000 →
  //   400,000 free, shared 200/715, 500/715, 15/715.
  //   api credit = 0.2 × 2/3.5 + 400,000 × 200/715 × 0.0000166667
  //              = 0.1142857 + 111,888.111888 × 0.0000166667 = 0.1142857 + 1.8648056 = 1.979091
  //   worker     = 0.2 × 0.5/3.5 + 279,720.279720 × 0.0000133334 = 0.0285714 + 3.7296224 = 3.758194
  //   pc-fn      = 0.2 × 1/3.5 + 8,391.608392 × 0.0000166667 = 0.0571429 + 0.1398604 = 0.197003
  // Totals: api 0.4 + 3.33334 − 1.979091 = 1.754249; worker 0.1 + 6.6667 + 0.0115875 − 3.758194
  //   = 3.020094; pc-fn 0.2 + 0.2500005 + 12.5522534 − 0.197003 = 12.805251; sum 17.579593
  //   (the credit is the same 0.2 + 400,000 GB-s worth in total, only shared differently).
  const inputs = [
    fn({
      functionName: "pc-fn",
      region: "eu-west-1",
      memoryMb: 512,
      invocations: dec(1_000_000),
      durationMsSum: dec(49_500_000),
      provisionedInvocations: dec(400_000),
      provisionedConcurrency: 2,
    }),
    fn({ functionName: "api", invocations: dec(2_000_000), durationMsSum: dec(199_000_000) }),
    fn({
      functionName: "worker",
      architecture: "arm64",
      memoryMb: 2048,
      ephemeralStorageMb: 2048,
      invocations: dec(500_000),
      durationMsSum: dec(249_750_000),
    }),
  ];
  const report = buildMonthlyReport(inputs, TEST_PRICE_TABLE, {
    ...october,
    freeTier: true,
    regions: ["us-east-1", "eu-west-1"],
  });
  const row = (name: string) => report.rows.find((r) => r.functionName === name) as ReportRow;
  const columns = (r: ReportRow) => [
    toPlainString(r.gbSeconds),
    six(r.requestCost),
    six(r.durationCost),
    six(r.ephemeralStorageCost),
    six(r.provisionedConcurrencyCost),
    six(r.freeTierCredit),
    six(r.totalCost),
  ];

  it("sorts rows by region, then name", () => {
    expect(report.rows.map((r) => `${r.region}/${r.functionName}`)).toEqual([
      "eu-west-1/pc-fn",
      "us-east-1/api",
      "us-east-1/worker",
    ]);
  });

  it.each([
    ["api", ["200000", "0.400000", "3.333340", "0.000000", "0.000000", "1.979091", "1.754249"]],
    ["worker", ["500000", "0.100000", "6.666700", "0.011588", "0.000000", "3.758194", "3.020094"]],
    ["pc-fn", ["25000", "0.200000", "0.250001", "0.000000", "12.552253", "0.197003", "12.805251"]],
  ])("prices %s as by hand", (name, expected) => {
    expect(columns(row(name))).toEqual(expected);
  });

  it("spends the free tier once: 1M requests and 400,000 GB-s across the account", () => {
    expect(toPlainString(report.freeTier.requests)).toBe("1000000");
    expect(toPlainString(report.freeTier.gbSeconds)).toBe("400000");
    expect(six(report.totals.totalCost)).toBe("17.579593");
    // Rows add up to the totals exactly (no rounding before the end).
    expect(six(report.rows.reduce((a, r) => a.plus(r.totalCost), dec(0)))).toBe("17.579593");
  });

  it("notes PC, storage, and what the metrics cannot show", () => {
    expect(row("pc-fn").notes.join("; ")).toContain(
      "provisioned concurrency 2 (current configuration) × 744 h",
    );
    expect(row("pc-fn").notes.join("; ")).toContain("40% of invocations served by provisioned");
    expect(row("worker").notes.join("; ")).toContain("ephemeral storage 2048 MB (1536 MB billed)");
    expect(report.notes.join(" ")).toMatch(/INIT time is not in the Duration metric/);
    expect(report.notes.join(" ")).toMatch(/changes during the month are not visible/);
    expect(report.notes).toContain("eu-west-1: tiers 2 and 3 are derived");
  });

  it("with --no-free-tier gives no credit", () => {
    const off = buildMonthlyReport(inputs, TEST_PRICE_TABLE, {
      ...october,
      freeTier: false,
      regions: ["us-east-1", "eu-west-1"],
    });
    // 0.4 + 3.33334 + 0.1 + 6.6667 + 0.0115875 + 0.2 + 0.2500005 + 12.5522534 = 23.5138814
    expect(six(off.totals.totalCost)).toBe("23.513881");
    expect(off.rows.every((r) => r.freeTierCredit.isZero())).toBe(true);
  });
});

describe("tier pools", () => {
  it("gives every function in a pool the pool's blended rate", () => {
    // Two x86 functions in us-east-1 at 10,240 MB (10 GB), billed ms 4e11 each
    // (Sum(Duration) 4e11 − 500,000 with 1,000,000 invocations) → 4e8 s × 10 GB = 4e9 GB-s each.
    // Pool 8e9 GB-s: 6e9 × 0.0000166667 + 2e9 × 0.000015 = 100,000.2 + 30,000 = 130,000.2;
    // blended 130,000.2 / 8e9 = 0.000016250025; each pays 65,000.1. An arm64 function in the
    // same region is its own pool and stays at its tier-1 price.
    const big = (functionName: string) =>
      fn({
        functionName,
        memoryMb: 10_240,
        invocations: dec(1_000_000),
        durationMsSum: dec("399999500000"),
      });
    const report = buildMonthlyReport([big("a"), big("b")], TEST_PRICE_TABLE, {
      ...october,
      freeTier: false,
      regions: ["us-east-1"],
    });
    expect(report.rows.map((r) => toPlainString(r.durationCost))).toEqual(["65000.1", "65000.1"]);
    expect(toPlainString(report.rows[0]!.blendedRatePerGbSecond)).toBe("0.000016250025");
    expect(report.pools).toHaveLength(1);
    expect(report.pools[0]!.tiers.map((t) => toPlainString(t.gbSeconds))).toEqual([
      "6000000000",
      "2000000000",
    ]);
  });
});

describe("shareAllowance", () => {
  it.each([
    [["3000000", "1000000"], "1000000", "1000000", ["750000", "250000"]],
    [["200000", "300000"], "1000000", "500000", ["200000", "300000"]],
    [["0", "0"], "1000000", "0", ["0", "0"]],
  ])("claims %j of %s → used %s, shares %j", (claims, allowance, used, shares) => {
    const result = shareAllowance(claims.map(dec), dec(allowance));
    expect(toPlainString(result.used)).toBe(used);
    expect(result.shares.map(toPlainString)).toEqual(shares);
  });
});

describe("sumValues (CloudWatch datapoints)", () => {
  it.each([
    [[1, 2, 3], "6"],
    [[0.1, 0.2], "0.3"],
    [[2 ** 52, 2 ** 52], "9007199254740992"],
    [[1.5, 2], "3.5"],
    [[], "0"],
  ])("%j sums to %s exactly", (values, expected) => {
    expect(toPlainString(sumValues(values))).toBe(expected);
  });
});
