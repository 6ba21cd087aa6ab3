/** CloudWatch over the real @aws-sdk/client-cloudwatch (JSON 1.0, query-compatible errors). */
import {
  CloudWatchServiceException,
  GetMetricDataCommand,
  type GetMetricDataCommandInput,
  GetMetricStatisticsCommand,
  InvalidNextToken,
  InvalidParameterCombinationException,
  InvalidParameterValueException,
  ListMetricsCommand,
  type MetricDataQuery,
  paginateGetMetricData,
  paginateListMetrics,
  ValidationException,
} from "@aws-sdk/client-cloudwatch";
import { InvokeCommand, PublishVersionCommand } from "@aws-sdk/client-lambda";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, manualClock, startHarness } from "./emulator-helpers.js";

const NOW = "2026-11-26T09:00:00Z";
const OCT = {
  StartTime: new Date("2026-10-01T00:00:00Z"),
  EndTime: new Date("2026-11-01T00:00:00Z"),
};
const NOV = {
  StartTime: new Date("2026-11-01T00:00:00Z"),
  EndTime: new Date("2026-12-01T00:00:00Z"),
};

function q(
  id: string,
  fn: string,
  metric: string,
  stat: string,
  period = 86_400,
  resource?: string,
): MetricDataQuery {
  return {
    Id: id,
    MetricStat: {
      Metric: {
        Namespace: "AWS/Lambda",
        MetricName: metric,
        Dimensions: [
          { Name: "FunctionName", Value: fn },
          ...(resource ? [{ Name: "Resource", Value: resource }] : []),
        ],
      },
      Period: period,
      Stat: stat,
    },
  };
}

const total = (values: number[] | undefined) => (values ?? []).reduce((a, b) => a + b, 0);

describe("emulator: CloudWatch", () => {
  let h: Harness;
  const clock = manualClock(NOW);
  beforeAll(async () => {
    h = await startHarness(
      {
        functions: [
          {
            name: "resize-image",
            memorySize: 1769,
            model: { fixedMs: 30, cpuMs: 800, errorRate: 0.01 },
            history: [
              { month: "2026-10", invocationsPerDay: 250_000, avgDurationMs: 180 },
              {
                month: "2026-11",
                invocationsPerDay: 42_000,
                avgDurationMs: 92.3,
                provisionedShare: 0.25,
              },
            ],
          },
          { name: "live-fn", memorySize: 1769, model: { fixedMs: 30, cpuMs: 800 } },
          ...Array.from({ length: 260 }, (_, i) => ({
            name: `bulk-${i}`,
            history: [{ month: "2026-10", invocationsPerDay: 1000 + i, avgDurationMs: 50 }],
          })),
        ],
      },
      { now: clock.now },
    );
  });
  afterAll(() => h.close());

  it("history: a month's sums are exact (invocationsPerDay × days, × avgDurationMs)", async () => {
    const cw = h.cloudwatch();
    const oct = await cw.send(
      new GetMetricDataCommand({
        ...OCT,
        ScanBy: "TimestampAscending",
        MetricDataQueries: [
          q("inv", "resize-image", "Invocations", "Sum"),
          q("dur", "resize-image", "Duration", "Sum"),
          q("err", "resize-image", "Errors", "Sum"),
          q("hourly", "resize-image", "Invocations", "Sum", 3600),
        ],
      }),
    );
    const [inv, dur, err, hourly] = oct.MetricDataResults!;
    // October has 31 days: 250,000 × 31 = 7,750,000 invocations; × 180 ms = 1,395,000,000 ms.
    expect(total(inv!.Values)).toBe(7_750_000);
    expect(total(dur!.Values)).toBe(1_395_000_000);
    // errorRate 0.01: round(7,750,000 × 0.01) = 77,500 errors.
    expect(total(err!.Values)).toBe(77_500);
    expect(inv!.Timestamps).toHaveLength(31);
    expect(inv!.Timestamps![0]).toEqual(new Date("2026-10-01T00:00:00Z"));
    expect(inv!.StatusCode).toBe("Complete");
    expect(new Set(inv!.Values).size).toBeGreaterThan(20); // seeded day-to-day variation
    expect(hourly!.Values).toHaveLength(744);
    expect(total(hourly!.Values)).toBe(7_750_000);
    expect(hourly!.Values!.every((v) => Number.isInteger(v))).toBe(true);

    const nov = await cw.send(
      new GetMetricDataCommand({
        ...NOV,
        MetricDataQueries: [
          q("inv", "resize-image", "Invocations", "Sum", 2_592_000),
          q("dur", "resize-image", "Duration", "Sum", 2_592_000),
          q("pc", "resize-image", "ProvisionedConcurrencyInvocations", "Sum", 2_592_000),
        ],
      }),
    );
    const [nInv, nDur, nPc] = nov.MetricDataResults!;
    // November: 42,000 × 30 = 1,260,000; × 92.3 ms = 116,298,000 ms; PC share 0.25 → 315,000.
    expect(nInv!.Values).toEqual([1_260_000]);
    expect(nDur!.Values![0]).toBeCloseTo(116_298_000, 3);
    expect(nPc!.Values).toEqual([315_000]);
  });

  it("Average, Minimum, Maximum, SampleCount and percentiles over history", async () => {
    const out = await h.cloudwatch().send(
      new GetMetricDataCommand({
        ...OCT,
        MetricDataQueries: ["Average", "Minimum", "Maximum", "SampleCount", "p50", "p99"].map(
          (stat, i) => q(`s${i}`, "resize-image", "Duration", stat, 2_678_400),
        ),
      }),
    );
    const [avg, min, max, count, p50, p99] = out.MetricDataResults!.map((r) => r.Values![0]!);
    expect(avg).toBeCloseTo(180, 6);
    expect(count).toBe(7_750_000);
    expect(min).toBeLessThan(avg!);
    expect(max).toBeGreaterThan(avg!);
    expect(p50).toBeLessThan(avg!);
    expect(p99).toBeGreaterThan(avg!);
  });

  it("period rules: a period finer than the data's age allows returns no data, with a message", async () => {
    const out = await h.cloudwatch().send(
      new GetMetricDataCommand({
        ...OCT,
        MetricDataQueries: [q("fine", "resize-image", "Invocations", "Sum", 60)],
      }),
    );
    expect(out.MetricDataResults![0]!.Values).toEqual([]);
    expect(out.MetricDataResults![0]!.Messages?.[0]?.Code).toBe("InvalidPeriod");
  });

  it("live invocations are recorded at the clock's time, per function and per Resource", async () => {
    const lambda = h.lambda();
    await lambda.send(new PublishVersionCommand({ FunctionName: "live-fn" }));
    for (let i = 0; i < 3; i += 1)
      await lambda.send(new InvokeCommand({ FunctionName: "live-fn" }));
    for (let i = 0; i < 2; i += 1)
      await lambda.send(new InvokeCommand({ FunctionName: "live-fn", Qualifier: "1" }));
    const window = {
      StartTime: new Date(Date.parse(NOW) - 3_600_000),
      EndTime: new Date(Date.parse(NOW) + 60_000),
    };
    const out = await h.cloudwatch().send(
      new GetMetricDataCommand({
        ...window,
        MetricDataQueries: [
          q("inv", "live-fn", "Invocations", "Sum", 3600),
          q("dur", "live-fn", "Duration", "Sum", 3600),
          q("max", "live-fn", "Duration", "p100", 3600),
          q("conc", "live-fn", "ConcurrentExecutions", "Maximum", 3600),
          q("res", "live-fn", "Invocations", "Sum", 3600, "live-fn:1"),
        ],
      }),
    );
    const byId = Object.fromEntries(out.MetricDataResults!.map((r) => [r.Id, r.Values]));
    // 5 invocations of 30 + 800 = 830 ms each (noiseCv 0): 4,150 ms.
    expect(byId).toEqual({ inv: [5], dur: [4150], max: [830], conc: [1], res: [2] });
    const stats = await h.cloudwatch().send(
      new GetMetricStatisticsCommand({
        Namespace: "AWS/Lambda",
        MetricName: "Duration",
        Dimensions: [{ Name: "FunctionName", Value: "live-fn" }],
        ...window,
        Period: 3600,
        Statistics: ["Sum", "Average", "SampleCount"],
        ExtendedStatistics: ["p99"],
      }),
    );
    expect(stats.Datapoints).toEqual([
      {
        // Periods start at StartTime (08:00); the calls happened at the clock time, 09:00.
        Timestamp: new Date("2026-11-26T09:00:00Z"),
        Sum: 4150,
        Average: 830,
        SampleCount: 5,
        Unit: "Milliseconds",
        ExtendedStatistics: { p99: 830 },
      },
    ]);
  });

  it("MaxDatapoints splits results into pages with PartialData and NextToken; the paginator joins them", async () => {
    const input: GetMetricDataCommandInput = {
      StartTime: new Date("2026-10-01T00:00:00Z"),
      EndTime: new Date("2026-10-03T00:00:00Z"),
      ScanBy: "TimestampAscending",
      MetricDataQueries: [
        q("a", "resize-image", "Invocations", "Sum", 3600),
        q("b", "bulk-1", "Invocations", "Sum", 3600),
      ],
    };
    const first = await h
      .cloudwatch()
      .send(new GetMetricDataCommand({ ...input, MaxDatapoints: 30 }));
    expect(first.NextToken).toBeDefined();
    expect(first.MetricDataResults!.map((r) => [r.Id, r.Values!.length, r.StatusCode])).toEqual([
      ["a", 30, "PartialData"],
      ["b", 0, "PartialData"],
    ]);
    const joined: Record<string, number[]> = { a: [], b: [] };
    let pages = 0;
    for await (const page of paginateGetMetricData(
      { client: h.cloudwatch(), pageSize: 30 },
      input,
    )) {
      pages += 1;
      for (const r of page.MetricDataResults!) joined[r.Id!]!.push(...r.Values!);
    }
    expect(pages).toBe(4); // 96 points, 30 a page
    // (the paginator writes NextToken and MaxDatapoints into its input object)
    const whole = await h
      .cloudwatch()
      .send(new GetMetricDataCommand({ ...input, NextToken: undefined, MaxDatapoints: undefined }));
    expect(whole.NextToken).toBeUndefined();
    expect(joined.a).toEqual(whole.MetricDataResults![0]!.Values);
    expect(joined.b).toEqual(whole.MetricDataResults![1]!.Values);
    expect(joined.b).toHaveLength(48);
  });

  it("500 queries in one call (250 functions × Invocations + Duration) sum exactly", async () => {
    const queries = Array.from({ length: 250 }, (_, i) => [
      q(`i${i}`, `bulk-${i}`, "Invocations", "Sum"),
      q(`d${i}`, `bulk-${i}`, "Duration", "Sum"),
    ]).flat();
    const out = await h
      .cloudwatch()
      .send(new GetMetricDataCommand({ ...OCT, MetricDataQueries: queries }));
    const results = out.MetricDataResults!;
    expect(results).toHaveLength(500);
    // bulk-i: (1000 + i) × 31 invocations at 50 ms each.
    for (const i of [0, 17, 249]) {
      expect(total(results.find((r) => r.Id === `i${i}`)!.Values)).toBe((1000 + i) * 31);
      expect(total(results.find((r) => r.Id === `d${i}`)!.Values)).toBe((1000 + i) * 31 * 50);
    }
  });

  it.each([
    [
      "501 queries",
      {
        MetricDataQueries: Array.from({ length: 501 }, (_, i) =>
          q(`q${i}`, "x", "Invocations", "Sum"),
        ),
      },
      ValidationException,
    ],
    [
      "an Id starting upper-case",
      { MetricDataQueries: [q("Bad", "x", "Invocations", "Sum")] },
      ValidationException,
    ],
    [
      "Period 7",
      { MetricDataQueries: [q("a", "x", "Invocations", "Sum", 7)] },
      InvalidParameterValueException,
    ],
    [
      "Stat Median",
      { MetricDataQueries: [q("a", "x", "Invocations", "Median")] },
      InvalidParameterValueException,
    ],
    [
      "a bad NextToken",
      { NextToken: "garbage!", MetricDataQueries: [q("a", "x", "Invocations", "Sum")] },
      InvalidNextToken,
    ],
    [
      "an Expression",
      { MetricDataQueries: [{ Id: "e", Expression: "SUM(METRICS())" }] },
      InvalidParameterValueException,
    ],
  ])(
    "GetMetricData with %s is rejected with the SDK's class",
    async (_label, patch, errorClass) => {
      const error = await h
        .cloudwatch()
        .send(new GetMetricDataCommand({ ...OCT, ...patch } as GetMetricDataCommandInput))
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(errorClass);
      expect((error as CloudWatchServiceException).$metadata.httpStatusCode).toBe(400);
    },
  );

  it("GetMetricStatistics refuses more than 1,440 datapoints", async () => {
    await expect(
      h.cloudwatch().send(
        new GetMetricStatisticsCommand({
          Namespace: "AWS/Lambda",
          MetricName: "Invocations",
          Dimensions: [{ Name: "FunctionName", Value: "resize-image" }],
          ...OCT,
          Period: 300,
          Statistics: ["Sum"],
        }),
      ),
    ).rejects.toBeInstanceOf(InvalidParameterCombinationException);
  });

  it("ListMetrics lists metrics with data in the past two weeks, paged by 500", async () => {
    const cw = h.cloudwatch();
    const out = await cw.send(
      new ListMetricsCommand({
        Namespace: "AWS/Lambda",
        Dimensions: [{ Name: "FunctionName", Value: "resize-image" }],
      }),
    );
    const names = out.Metrics!.map((m) => m.MetricName).sort();
    expect(names).toContain("Invocations");
    expect(names).toContain("ProvisionedConcurrencyInvocations");
    // bulk-* only have October history: nothing in the past two weeks.
    const bulk = await cw.send(
      new ListMetricsCommand({ Dimensions: [{ Name: "FunctionName", Value: "bulk-1" }] }),
    );
    expect(bulk.Metrics).toEqual([]);
    let count = 0;
    for await (const page of paginateListMetrics({ client: cw }, { MetricName: "Invocations" })) {
      count += page.Metrics!.length;
    }
    // resize-image (history) + live-fn and live-fn:1 (live) — if the live test ran first.
    expect(count).toBeGreaterThanOrEqual(1);
  });
});

describe("emulator: CloudWatch throttling", () => {
  it("cloudwatchThrottleRate 1: a Throttling error the SDK retries", async () => {
    const h = await startHarness({ faults: { cloudwatchThrottleRate: 1 } });
    const error = await h
      .cloudwatch("us-east-1", 2)
      .send(
        new GetMetricDataCommand({
          ...OCT,
          MetricDataQueries: [q("a", "x", "Invocations", "Sum")],
        }),
      )
      .catch((e: unknown) => e);
    await h.close();
    expect(error).toBeInstanceOf(CloudWatchServiceException);
    expect((error as CloudWatchServiceException).name).toBe("Throttling");
    expect((error as CloudWatchServiceException).$metadata.attempts).toBe(2);
  });
});
