/**
 * The emulator's CloudWatch Logs (AWS JSON 1.1) through the real SDK: DescribeLogGroups paging,
 * retention and stored bytes, Logs Insights Scheduled → Running → Complete with REPORT
 * statistics that agree with the metrics, the 50-group and concurrency limits, StopQuery,
 * IAM `logs:` actions and the throttle fault; plus the provisioned concurrency metrics.
 */
import { GetMetricDataCommand } from "@aws-sdk/client-cloudwatch";
import {
  CloudWatchLogsClient,
  DescribeLogGroupsCommand,
  GetQueryResultsCommand,
  type GetQueryResultsCommandOutput,
  paginateDescribeLogGroups,
  StartQueryCommand,
  StopQueryCommand,
} from "@aws-sdk/client-cloudwatch-logs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CREDENTIALS, type Harness, manualClock, startHarness } from "./emulator-helpers.js";

const NOW = "2026-11-20T12:00:00Z";
const DAY_S = 86_400;
/** 2026-11-06 00:00 to 2026-11-20 00:00 UTC: 14 whole days. */
const START_S = Date.parse("2026-11-06T00:00:00Z") / 1000;
const END_S = START_S + 14 * DAY_S;

function logs(h: Harness, maxAttempts = 1): CloudWatchLogsClient {
  return new CloudWatchLogsClient({
    region: "us-east-1",
    endpoint: h.emulator.endpoint,
    credentials: CREDENTIALS,
    maxAttempts,
  });
}

const QUERY = `filter @type = "REPORT"
| fields @maxMemoryUsed / 1000 / 1000 as memoryUsedMb, strcontains(@message, "Runtime.OutOfMemory") as oom
| stats count(*) as reports, max(memoryUsedMb) as maxMb, pct(memoryUsedMb, 99) as p99Mb, avg(@billedDuration) as billed, sum(oom) as ooms by @log`;

describe("emulator CloudWatch Logs", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(
      {
        logsQueryConcurrencyLimit: 2,
        functions: [
          {
            name: "api",
            memorySize: 1024,
            logRetentionDays: 30,
            model: { memoryUsedMb: 200 },
            history: [
              {
                month: "2026-11",
                invocationsPerDay: 1000,
                avgDurationMs: 40,
                logBytesPerInvocation: 500,
                oomCount: 30,
              },
            ],
          },
          // 60 more groups, so listing takes two pages.
          ...Array.from({ length: 60 }, (_, i) => ({
            name: `fn-${String(i).padStart(2, "0")}`,
            history: [{ month: "2026-11", invocationsPerDay: 10, avgDurationMs: 5 }],
          })),
          { name: "never-invoked" },
        ],
      },
      { now: manualClock(NOW).now },
    );
  });
  afterAll(() => h.close());

  it("DescribeLogGroups pages 50 at a time, in name order, with retention and stored bytes", async () => {
    const client = logs(h);
    const groups = [];
    let pages = 0;
    for await (const page of paginateDescribeLogGroups({ client }, {})) {
      pages += 1;
      groups.push(...(page.logGroups ?? []));
    }
    expect(pages).toBe(2);
    expect(groups).toHaveLength(61); // never-invoked has no log group
    const api = groups.find((g) => g.logGroupName === "/aws/lambda/api");
    expect(api?.retentionInDays).toBe(30);
    // 1,000 calls a day since 2026-11-01 (19.5 days to the clock, within the 30-day
    // retention) × 500 bytes; history splits days unevenly, so check the day range.
    expect(api?.storedBytes).toBeGreaterThan(19 * 0.8 * 1000 * 500);
    expect(api?.storedBytes).toBeLessThan(20 * 1.2 * 1000 * 500);
    expect(groups.find((g) => g.logGroupName === "/aws/lambda/fn-00")?.retentionInDays).toBe(
      undefined,
    );
    client.destroy();
  });

  it("answers stats by @log from REPORT statistics that agree with the Invocations metric", async () => {
    const client = logs(h);
    const { queryId } = await client.send(
      new StartQueryCommand({
        logGroupNames: ["/aws/lambda/api", "/aws/lambda/fn-00"],
        startTime: START_S,
        endTime: END_S - 1,
        queryString: QUERY,
      }),
    );
    const statuses: string[] = [];
    let output: GetQueryResultsCommandOutput;
    do {
      output = await client.send(new GetQueryResultsCommand({ queryId }));
      statuses.push(output.status ?? "");
    } while (output.status !== "Complete");
    expect(statuses).toEqual(["Running", "Complete"]);
    const metrics = await h.cloudwatch().send(
      new GetMetricDataCommand({
        StartTime: new Date(START_S * 1000),
        EndTime: new Date(END_S * 1000),
        MetricDataQueries: [
          {
            Id: "i",
            MetricStat: {
              Metric: {
                Namespace: "AWS/Lambda",
                MetricName: "Invocations",
                Dimensions: [{ Name: "FunctionName", Value: "api" }],
              },
              Period: 14 * DAY_S,
              Stat: "Sum",
            },
          },
        ],
      }),
    );
    const invocations = metrics.MetricDataResults?.[0]?.Values?.[0];
    const rows = (output.results ?? []).map((row) =>
      Object.fromEntries(row.map((f) => [f.field, f.value])),
    );
    const api = rows.find((r) => r["@log"] === "123456789012:/aws/lambda/api");
    expect(Number(api?.reports)).toBe(invocations);
    // Out-of-memory calls used all 1,024 MB; the others the model's 200 MB.
    expect(api?.maxMb).toBe("1024");
    expect(Number(api?.ooms)).toBeGreaterThan(0);
    expect(api?.p99Mb).toBe("200"); // ~14 of ~14,000 calls ran out: under the top 1 %
    // fn-00 logs nothing in its history (no logBytesPerInvocation): only api's bytes are scanned.
    expect(output.statistics?.bytesScanned).toBe(Number(invocations) * 500);
    client.destroy();
  });

  it("refuses more than 50 log groups and queries past the concurrency limit", async () => {
    const client = logs(h);
    const names = Array.from(
      { length: 51 },
      (_, i) => `/aws/lambda/fn-${String(i).padStart(2, "0")}`,
    );
    const start = { startTime: START_S, endTime: END_S, queryString: QUERY };
    await expect(
      client.send(new StartQueryCommand({ ...start, logGroupNames: names })),
    ).rejects.toMatchObject({ name: "InvalidParameterException" });
    const first = await client.send(
      new StartQueryCommand({ ...start, logGroupName: "/aws/lambda/fn-01" }),
    );
    await client.send(new StartQueryCommand({ ...start, logGroupName: "/aws/lambda/fn-02" }));
    await expect(
      client.send(new StartQueryCommand({ ...start, logGroupName: "/aws/lambda/fn-03" })),
    ).rejects.toMatchObject({
      name: "LimitExceededException",
      message: "Account maximum query concurrency limit of [2] reached.",
    });
    // Stopping one frees its slot.
    expect(await client.send(new StopQueryCommand({ queryId: first.queryId }))).toMatchObject({
      success: true,
    });
    await client.send(new StartQueryCommand({ ...start, logGroupName: "/aws/lambda/fn-03" }));
    await expect(
      client.send(new StartQueryCommand({ ...start, logGroupName: "/aws/lambda/nope" })),
    ).rejects.toMatchObject({ name: "ResourceNotFoundException" });
    client.destroy();
  });
});

describe("emulator CloudWatch Logs: IAM and throttling", () => {
  it("checks logs: actions against allowedActions and throttles at logsThrottleRate", async () => {
    const h = await startHarness({
      allowedActions: ["logs:Describe*"],
      faults: { logsThrottleRate: 1 },
      functions: [
        { name: "f", history: [{ month: "2026-10", invocationsPerDay: 1, avgDurationMs: 1 }] },
      ],
    });
    const client = logs(h, 2);
    await expect(client.send(new DescribeLogGroupsCommand({}))).rejects.toMatchObject({
      name: "ThrottlingException",
      $metadata: { attempts: 2 },
    });
    await expect(
      client.send(
        new StartQueryCommand({
          logGroupName: "/aws/lambda/f",
          startTime: 0,
          endTime: 1,
          queryString: "x",
        }),
      ),
    ).rejects.toMatchObject({ name: "AccessDeniedException" });
    expect(h.emulator.requests().map((r) => r.action)).toEqual([
      "logs:DescribeLogGroups",
      "logs:DescribeLogGroups",
      "logs:StartQuery",
    ]);
    client.destroy();
    await h.close();
  });
});

describe("emulator provisioned concurrency metrics", () => {
  it("serves utilisation per alias (Resource) only, spillover and PC invocations from history", async () => {
    const h = await startHarness(
      {
        functions: [
          {
            name: "pc",
            provisionedConcurrency: [{ qualifier: "live", amount: 10 }],
            history: [
              {
                month: "2026-11",
                invocationsPerDay: 1000,
                avgDurationMs: 10,
                provisionedShare: 0.9,
                spilloverShare: 0.1,
                provisionedUtilization: 0.35,
              },
            ],
          },
        ],
      },
      { now: manualClock(NOW).now },
    );
    const query = (id: string, metric: string, stat: string, resource?: string) => ({
      Id: id,
      MetricStat: {
        Metric: {
          Namespace: "AWS/Lambda",
          MetricName: metric,
          Dimensions: [
            { Name: "FunctionName", Value: "pc" },
            ...(resource ? [{ Name: "Resource", Value: resource }] : []),
          ],
        },
        Period: 14 * DAY_S,
        Stat: stat,
      },
    });
    const out = await h.cloudwatch().send(
      new GetMetricDataCommand({
        StartTime: new Date(START_S * 1000),
        EndTime: new Date(END_S * 1000),
        MetricDataQueries: [
          query("u", "ProvisionedConcurrencyUtilization", "Maximum", "pc:live"),
          query("ufn", "ProvisionedConcurrencyUtilization", "Maximum"),
          query("i", "Invocations", "Sum"),
          query("p", "ProvisionedConcurrencyInvocations", "Sum"),
          query("s", "ProvisionedConcurrencySpilloverInvocations", "Sum"),
          query("pr", "ProvisionedConcurrencyInvocations", "Sum", "pc:live"),
        ],
      }),
    );
    const value = (id: string) => out.MetricDataResults?.find((r) => r.Id === id)?.Values?.[0];
    expect(value("u")).toBe(0.35);
    expect(value("ufn")).toBeUndefined();
    const invocations = value("i") ?? 0;
    expect(value("p")).toBeCloseTo(invocations * 0.9, -1);
    expect(value("s")).toBeCloseTo(invocations * 0.1, -1);
    expect(value("pr")).toBe(value("p"));
    await h.close();
  });
});
