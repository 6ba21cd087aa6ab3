/**
 * generateMonthlyReport against the emulator with seeded history and the real SDK: every CSV
 * column of a small account checked against a hand computation, then tier and free-tier
 * allocation at account level. Prices: pricing/lambda.json as on the AWS Lambda pricing page (AWS Lambda pricing
 * page, late 2026): requests $0.0000002 everywhere; x86_64 tier 1 $0.0000166667/GB-s, arm64
 * $0.0000133334; us-east-1 storage $0.0000000309/GB-s; eu-west-1 PC $0.000004646/GB-s,
 * PC-duration $0.0000108407/GB-s.
 */

import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateMonthlyReport } from "../../src/api/report.js";
import type { EmulatorHandle } from "../../src/emulator/types.js";
import { REPORT_CSV_HEADER, renderReportCsv } from "../../src/output/report-csv.js";
import { ACCOUNT_ID, callsOf, connectionTo, startReportEmulator } from "./report-helpers.js";

describe("report: a small account, every column by hand (October 2026, 31 days, 744 h)", () => {
  let emulator: EmulatorHandle;
  let csv: string;

  beforeAll(async () => {
    emulator = await startReportEmulator([
      // 100,000/day × 31 = 3,100,000 invocations; Sum(Duration) = 3,100,000 × 50 = 155,000,000 ms.
      {
        name: "api",
        region: "us-east-1",
        memorySize: 1024,
        history: [{ month: "2026-10", invocationsPerDay: 100_000, avgDurationMs: 50 }],
      },
      // 10,000/day × 31 = 310,000; Sum(Duration) = 62,000,000 ms; 4096 MB of /tmp.
      {
        name: "worker",
        region: "us-east-1",
        memorySize: 2048,
        architecture: "arm64",
        ephemeralStorage: 4096,
        history: [{ month: "2026-10", invocationsPerDay: 10_000, avgDurationMs: 200 }],
      },
      // 20,000/day × 31 = 620,000, half on PC (310,000); Sum(Duration) = 62,000,000 ms; PC 5.
      {
        name: "pc-fn",
        region: "eu-west-1",
        memorySize: 512,
        provisionedConcurrency: [{ qualifier: "live", amount: 5 }],
        history: [
          {
            month: "2026-10",
            invocationsPerDay: 20_000,
            avgDurationMs: 100,
            provisionedShare: 0.5,
          },
          // A different month must not leak into October.
          { month: "2026-09", invocationsPerDay: 99_999, avgDurationMs: 999 },
        ],
      },
      { name: "idle", region: "eu-west-1", memorySize: 128, architecture: "arm64" },
    ]);
    const report = await generateMonthlyReport({
      regions: ["us-east-1", "eu-west-1"],
      month: "2026-10",
      connection: connectionTo(emulator),
    });
    csv = renderReportCsv(report);
  });
  afterAll(() => emulator.close());

  it("writes exactly the issue's header and one row per function, by region then name", () => {
    const [header, ...rows] = parse(csv) as string[][];
    expect(header).toEqual([...REPORT_CSV_HEADER]);
    expect(header?.join(",")).toBe(
      "month,account_id,region,function_name,architecture,memory_mb,ephemeral_storage_mb,invocations,duration_ms_sum,avg_duration_ms,gb_seconds,request_cost_usd,duration_cost_usd,ephemeral_storage_cost_usd,provisioned_concurrency_cost_usd,free_tier_credit_usd,total_cost_usd,notes",
    );
    expect(rows.map((r) => `${r[2]}/${r[3]}`)).toEqual([
      "eu-west-1/idle",
      "eu-west-1/pc-fn",
      "us-east-1/api",
      "us-east-1/worker",
    ]);
  });

  // Hand computation (billed ms = Sum(Duration) + 0.5 × Invocations; GB = MB / 1024):
  // Free tier: requests (PC-served too: same Request usage type) 3,100,000 + 310,000 + 620,000
  //   = 4,030,000 → 1,000,000 free, shared 3.1/4.03, 0.31/4.03, 0.62/4.03 → 769,230.77,
  //   76,923.08, 153,846.15 requests → credits 0.153846, 0.015385, 0.030769.
  //   On-demand GB-s 156,550 + 124,310 + 15,577.5 = 296,437.5 < 400,000 → all of it free.
  // api: billed 155,000,000 + 1,550,000 = 156,550,000 ms → 156,550 GB-s;
  //   requests 3,100,000 × 0.0000002 = 0.62; duration 156,550 × 0.0000166667 = 2.609171885;
  //   credit 0.153846 + 2.609172 = 2.763018; total 0.62 + 2.609172 − 2.763018 = 0.466154.
  // worker: billed 62,000,000 + 155,000 = 62,155,000 ms → 62,155 s × 2 GB = 124,310 GB-s;
  //   requests 0.062; duration 124,310 × 0.0000133334 = 1.657474954;
  //   storage (4096 − 512) / 1024 = 3.5 GB × 62,155 s = 217,542.5 GB-s × 0.0000000309 = 0.006722;
  //   credit 0.015385 + 1.657475 = 1.672860; total 0.062 + 1.657475 + 0.006722 − 1.672860 = 0.053337.
  // pc-fn: billed 62,000,000 + 310,000 = 62,310,000 ms → 62,310 s × 0.5 GB = 31,155 GB-s, half
  //   PC-served: 15,577.5 on-demand × 0.0000166667 = 0.259626; PC: 5 × 0.5 GB × 744 h × 3600 =
  //   6,696,000 GB-s × 0.000004646 = 31.109616, + 15,577.5 × 0.0000108407 = 0.168871 → 31.278487;
  //   requests 620,000 × 0.0000002 = 0.124; credit 0.030769 + 0.259626 = 0.290395;
  //   total 0.124 + 0.259626 + 31.278487 − 0.290395 = 31.371718.
  // idle: nothing, every dollar column 0.
  it.each([
    [
      "idle",
      "2026-10,111122223333,eu-west-1,idle,arm64,128,512,0,0.000,,0.000000,0.000000,0.000000,0.000000,0.000000,0.000000,0.000000",
    ],
    [
      "pc-fn",
      "2026-10,111122223333,eu-west-1,pc-fn,x86_64,512,512,620000,62000000.000,100.000,31155.000000,0.124000,0.259626,0.000000,31.278487,0.290395,31.371718",
    ],
    [
      "api",
      "2026-10,111122223333,us-east-1,api,x86_64,1024,512,3100000,155000000.000,50.000,156550.000000,0.620000,2.609172,0.000000,0.000000,2.763018,0.466154",
    ],
    [
      "worker",
      "2026-10,111122223333,us-east-1,worker,arm64,2048,4096,310000,62000000.000,200.000,124310.000000,0.062000,1.657475,0.006722,0.000000,1.672860,0.053337",
    ],
  ])("%s: every column", (name, expected) => {
    const row = (parse(csv) as string[][]).find((r) => r[3] === name);
    expect(row?.slice(0, 17).join(",")).toBe(expected);
  });

  it("explains each row in notes", () => {
    const notes = (name: string) =>
      (parse(csv) as string[][]).find((r) => r[3] === name)?.[17] ?? "";
    expect(notes("pc-fn")).toContain("provisioned concurrency 5 (current configuration) × 744 h");
    expect(notes("pc-fn")).toContain("50% of invocations served by provisioned concurrency");
    expect(notes("worker")).toContain("ephemeral storage 4096 MB (3584 MB billed)");
    expect(notes("idle")).toContain("no invocations");
    expect(notes("api")).toContain("INIT not in Duration");
  });

  it("reads the account ID from the ARNs and makes one ListFunctions call per region", () => {
    expect(csv).toContain(`,${ACCOUNT_ID},`);
    expect(callsOf(emulator, "lambda:ListFunctions")).toHaveLength(2);
    // Only pc-fn has a published version (version 1, under its alias), so only it can have PC.
    const pcCalls = callsOf(emulator, "lambda:ListProvisionedConcurrencyConfigs");
    expect(pcCalls.map((c) => c.path)).toEqual([
      "/2019-09-30/functions/pc-fn/provisioned-concurrency",
    ]);
    // 2 functions × 3 queries per region fit in one call each.
    expect(callsOf(emulator, "cloudwatch:GetMetricData", "us-east-1")).toHaveLength(1);
    expect(callsOf(emulator, "cloudwatch:GetMetricData", "eu-west-1")).toHaveLength(1);
  });
});

describe("report: tiers per region+architecture pool, free tier once per account", () => {
  let emulator: EmulatorHandle;
  beforeAll(async () => {
    // Two x86_64 functions at 10,240 MB (10 GB) in us-east-1, each 1,000,000/day × 31 =
    // 31,000,000 invocations of 10,000 ms: billed 310,000,000,000 + 15,500,000 =
    // 310,015,500,000 ms → 310,015,500 s × 10 GB = 3,100,155,000 GB-s each; pool 6,200,310,000.
    // One arm64 function (same shape) in us-east-1 is a pool of its own: 3,100,155,000 GB-s.
    const big = (name: string, architecture: "x86_64" | "arm64") => ({
      name,
      region: "us-east-1",
      memorySize: 10_240,
      architecture,
      history: [{ month: "2026-10", invocationsPerDay: 1_000_000, avgDurationMs: 10_000 }],
    });
    emulator = await startReportEmulator([
      big("big-a", "x86_64"),
      big("big-b", "x86_64"),
      big("big-arm", "arm64"),
    ]);
  });
  afterAll(() => emulator.close());

  it("splits the x86_64 pool into tiers and gives both functions its blended rate", async () => {
    const report = await generateMonthlyReport({
      regions: ["us-east-1"],
      month: "2026-10",
      freeTier: false,
      connection: connectionTo(emulator),
    });
    // x86 pool 6,200,310,000 GB-s: tier 1 6,000,000,000 × 0.0000166667 = 100,000.2;
    //   tier 2 200,310,000 × 0.000015 = 3,004.65 → 103,004.85, i.e. 51,502.425 per function.
    // arm64 pool 3,100,155,000 GB-s, all in tier 1 (< 7.5e9):
    //   3,100,155,000 × 0.0000133334 = 41,335.606677.
    const csv = parse(renderReportCsv(report)) as string[][];
    const duration = (name: string) => csv.find((r) => r[3] === name)?.[12];
    expect(duration("big-a")).toBe("51502.425000");
    expect(duration("big-b")).toBe("51502.425000");
    expect(duration("big-arm")).toBe("41335.606677");
    const x86 = report.pools.find((p) => p.architecture === "x86_64");
    // CloudWatch values are doubles: sums are exact to far below the CSV's 6 places.
    expect(x86?.tiers.map((t) => t.gbSeconds.toDecimalPlaces(6).toFixed())).toEqual([
      "6000000000",
      "200310000",
    ]);
    expect(report.freeTier.credit.isZero()).toBe(true);
  });

  it("shares the free tier in proportion to on-demand requests and GB-s", async () => {
    const report = await generateMonthlyReport({
      regions: ["us-east-1"],
      month: "2026-10",
      connection: connectionTo(emulator),
    });
    // Each function has 1/3 of the on-demand requests and of the on-demand GB-s, so each gets
    // 333,333.33 free requests (× 0.0000002 = 0.066667) and 133,333.33 free GB-s:
    //   x86: blended 103,004.85 / 6,200,310,000 = 0.0000166128548…/GB-s;
    //        133,333.333… × 0.0000166128548… = 2.2150473 → credit 0.0666667 + 2.2150473 = 2.281714;
    //   arm: 133,333.333… × 0.0000133334 = 1.7777867 → credit 0.0666667 + 1.7777867 = 1.844453.
    // The free amounts are exactly 1,000,000 requests and 400,000 GB-s.
    const csv = parse(renderReportCsv(report)) as string[][];
    const credit = (name: string) => csv.find((r) => r[3] === name)?.[15];
    expect(credit("big-a")).toBe("2.281714");
    expect(credit("big-b")).toBe("2.281714");
    expect(credit("big-arm")).toBe("1.844453");
    expect(report.freeTier.requests.toFixed()).toBe("1000000");
    expect(report.freeTier.gbSeconds.toFixed()).toBe("400000");
  });
});
