/**
 * Paging and batching against the emulator with the real SDK: ListFunctions over several pages,
 * GetMetricData in batches of 500 queries (exactly ceil(3N / 500) calls), NextToken when an
 * answer is partial, and CloudWatch throttling retried by the SDK.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateMonthlyReport } from "../../src/api/report.js";
import { readMonthlyMetrics } from "../../src/aws/cloudwatch-metrics.js";
import { listFunctionInventory } from "../../src/aws/function-inventory.js";
import type { EmulatorHandle } from "../../src/emulator/types.js";
import { callsOf, connectionTo, manyFunctions, startReportEmulator } from "./report-helpers.js";

const OCTOBER = { start: new Date("2026-10-01T00:00:00Z"), end: new Date("2026-11-01T00:00:00Z") };

describe("report paging: 230 functions in one region", () => {
  const count = 230;
  let emulator: EmulatorHandle;
  beforeAll(async () => {
    emulator = await startReportEmulator(manyFunctions(count));
  });
  afterAll(() => emulator.close());

  it("lists every function over ceil(230 / 50) = 5 ListFunctions pages", async () => {
    const inventory = await listFunctionInventory(
      { ...connectionTo(emulator), region: "us-east-1" },
      { region: "us-east-1" },
    );
    expect(inventory.functions).toHaveLength(count);
    expect(new Set(inventory.functions.map((f) => f.functionName)).size).toBe(count);
    expect(callsOf(emulator, "lambda:ListFunctions")).toHaveLength(5);
    expect(inventory.accountId).toBe("111122223333");
  });

  it("reads 690 queries in ceil(690 / 500) = 2 GetMetricData calls, every sum exact", async () => {
    const before = callsOf(emulator, "cloudwatch:GetMetricData").length;
    const names = manyFunctions(count).map((f) => f.name);
    const metrics = await readMonthlyMetrics(
      { ...connectionTo(emulator), region: "us-east-1" },
      { region: "us-east-1", functionNames: names, ...OCTOBER },
    );
    expect(metrics.calls).toBe(2);
    expect(callsOf(emulator, "cloudwatch:GetMetricData").length - before).toBe(2);
    // fn-i has (100 + i) invocations a day × 31 days, 20 ms each.
    names.forEach((name, i) => {
      const sums = metrics.sums.get(name);
      expect(sums?.invocations.toFixed()).toBe(String((100 + i) * 31));
      expect(sums?.durationMsSum.toDecimalPlaces(6).toFixed()).toBe(String((100 + i) * 31 * 20));
    });
  });

  it("follows NextToken when an answer is partial, with the same sums", async () => {
    const names = manyFunctions(10).map((f) => f.name);
    const full = await readMonthlyMetrics(
      { ...connectionTo(emulator), region: "us-east-1" },
      { region: "us-east-1", functionNames: names, ...OCTOBER },
    );
    // 10 functions × (Invocations + Duration) × 31 daily points = 620 points (no PC: that
    // series has no datapoints, as in CloudWatch); at most 100 per answer → 7 calls.
    const paged = await readMonthlyMetrics(
      { ...connectionTo(emulator), region: "us-east-1" },
      { region: "us-east-1", functionNames: names, ...OCTOBER, maxDatapoints: 100 },
    );
    expect(full.calls).toBe(1);
    expect(paged.calls).toBe(7);
    for (const name of names) {
      expect(paged.sums.get(name)?.invocations.toFixed()).toBe(
        full.sums.get(name)?.invocations.toFixed(),
      );
      expect(paged.sums.get(name)?.durationMsSum.toFixed()).toBe(
        full.sums.get(name)?.durationMsSum.toFixed(),
      );
    }
  });
});

describe("report under Lambda throttling (429 with Retry-After)", () => {
  let emulator: EmulatorHandle;
  beforeAll(async () => {
    // PC on each (so a published version each): 40 ListFunctions entries (1 page) and 20
    // ListProvisionedConcurrencyConfigs calls for the throttling to hit.
    const withPc = manyFunctions(20).map((f) => ({
      ...f,
      provisionedConcurrency: [{ qualifier: "live", amount: 1 }],
    }));
    emulator = await startReportEmulator(withPc, { faults: { throttleRate: 0.1 } });
  });
  afterAll(() => emulator.close());

  it("retries throttled ListFunctions / ListProvisionedConcurrencyConfigs and reads everything", async () => {
    const report = await generateMonthlyReport({
      regions: ["us-east-1"],
      month: "2026-10",
      connection: connectionTo(emulator, 10),
    });
    const lambdaCalls = emulator.requests().filter((r) => r.action.startsWith("lambda:"));
    expect(lambdaCalls.some((c) => c.status === 429)).toBe(true);
    expect(report.failedRegions).toEqual([]);
    expect(report.rows).toHaveLength(20);
    // Σ (100 + i) × 31 for i < 20 = 31 × (2,000 + 190) = 67,890.
    expect(report.totals.invocations.toFixed()).toBe("67890");
  });
});

describe("report under CloudWatch throttling", () => {
  let emulator: EmulatorHandle;
  beforeAll(async () => {
    emulator = await startReportEmulator(manyFunctions(400), {
      faults: { cloudwatchThrottleRate: 0.4 },
    });
  });
  afterAll(() => emulator.close());

  it("retries throttled GetMetricData with the SDK's strategy and still gets every sum", async () => {
    const report = await generateMonthlyReport({
      regions: ["us-east-1"],
      month: "2026-10",
      freeTier: false,
      connection: connectionTo(emulator, 10),
    });
    const calls = callsOf(emulator, "cloudwatch:GetMetricData");
    const throttled = calls.filter((c) => c.status !== 200);
    // 1,200 queries → 3 successful calls; the seeded fault rate throttled some attempts.
    expect(calls.filter((c) => c.status === 200)).toHaveLength(3);
    expect(throttled.length).toBeGreaterThan(0);
    expect(report.failedRegions).toEqual([]);
    expect(report.rows).toHaveLength(400);
    // Σ (100 + i) × 31 for i < 400 = 31 × (400 × 100 + 399 × 400 / 2) = 31 × 119,800.
    expect(report.totals.invocations.toFixed()).toBe(String(31 * 119_800));
  });
});
