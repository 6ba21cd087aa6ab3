/**
 * `estimate` with the billing lines of issue #11, in-process: the pinned scenario fields and
 * the flags, each figure AWS's worked example (https://aws.amazon.com/lambda/pricing/, read
 * 2026-12-01) or a hand computation in the comment; and their bad input (exit 2, one line).
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { expectOneLineExit2, runInProcess } from "./run-in-process.js";

const dir = mkdtempSync(join(tmpdir(), "lambda-cost-lines-"));
const ENV = { AWS_REGION: "", AWS_DEFAULT_REGION: "" };

function scenario(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === "string" ? content : JSON.stringify(content));
  return path;
}

const run = (args: string[]) => runInProcess(["estimate", ...args], ENV);

interface JsonLine {
  function?: string;
  architecture?: string;
  name: string;
  quantity: number;
  cost: number;
}

async function json(args: string[]): Promise<{ total: number; lines: JsonLine[] }> {
  const result = await run([...args, "--format", "json"]);
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout);
}

describe("the pinned scenario fields", () => {
  it("prices every field of the issue's example (us-east-1, free tier off)", async () => {
    const file = scenario("all.json", {
      freeTier: false,
      streamingFreeGiB: 0,
      eventPollers: [{ source: "kafka", epuHours: 800 }],
      functions: [
        {
          name: "py",
          memoryMb: 1024,
          requests: "7.44M",
          duration: "2s",
          runtime: "python3.12",
          snapStart: { versions: 1, activeHours: 744, restores: 74400 },
          streaming: { responses: "1M", averageResponseMb: 7 },
          logs: { ingestedGb: 500, logClass: "standard", storedGb: 0 },
        },
        { name: "edge", memoryMb: 128, requests: "10M", duration: "10ms", edge: true },
        {
          name: "saas",
          memoryMb: 1024,
          requests: "10M",
          duration: "2s",
          tenantIsolation: { newEnvironments: 200000 },
        },
        {
          name: "claims",
          architecture: "arm64",
          memoryMb: 1024,
          requests: "2M",
          duration: "16s",
          durable: {
            executions: "1M",
            operationsPerExecution: 4,
            dataWrittenKbPerExecution: 104,
            runningDays: 7,
            retentionDays: 14,
          },
        },
        {
          name: "lmi",
          architecture: "arm64",
          memoryMb: 2048,
          requests: "100M",
          duration: "200ms",
          managedInstances: { instanceType: "m7g.xlarge", instanceHours: 2000, hourlyUsd: 0.0457 },
        },
      ],
    });
    const report = await json(["--scenario", file]);
    const cost = (fn: string | undefined, name: string) =>
      report.lines.find((l) => l.function === fn && l.name === name)?.cost;
    // SnapStart: 2,678,400 GB-s × 0.0000015046 = 4.02992064; 74,400 GB × 0.0001397998 = 10.40110512
    expect(cost("py", "SnapStart cache")).toBe(4.02992064);
    expect(cost("py", "SnapStart restore")).toBe(10.40110512);
    // streaming: 1M × (7 − 6) MB = 976.5625 GB × 0.008 = 7.8125; logs 500 GB × 0.50 = 250
    expect(cost("py", "Response streaming (beyond 6 MB a response)")).toBe(7.8125);
    expect(cost("py", "Logs ingestion (Standard, tier 1)")).toBe(250);
    // Lambda@Edge: $6 + 0.625125
    expect(cost("edge", "Lambda@Edge requests")).toBe(6);
    expect(cost("edge", "Lambda@Edge duration")).toBe(0.625125);
    // tenant isolation: 200,000 GB × 0.000166667 = 33.3334
    expect(cost("saas", "Tenant isolation (new environments × memory GB)")).toBe(33.3334);
    // durable: $32 + $26 + 72.8 GB-month × 0.15 = 10.92
    expect(cost("claims", "Durable operations")).toBe(32);
    expect(cost("claims", "Durable data written")).toBe(26);
    expect(cost("claims", "Durable data retained")).toBe(10.92);
    // LMI: 2,000 × 0.0457 = 91.4; 2,000 × 0.1632 × 0.15 = 48.96; 100M × 0.0000002 = 20; no duration
    expect(cost("lmi", "LMI instances (m7g.xlarge)")).toBe(91.4);
    expect(cost("lmi", "LMI management fee (15% of on-demand)")).toBe(48.96);
    expect(cost("lmi", "LMI requests")).toBe(20);
    expect(report.lines.filter((l) => l.function === "lmi")).toHaveLength(3);
    // event pollers: 800 × 0.185 = 148, an account line with no function and no architecture
    const pollers = report.lines.at(-1);
    expect(pollers).toMatchObject({ name: "Event pollers (Kafka)", cost: 148 });
    expect(pollers?.function).toBeUndefined();
    expect(pollers?.architecture).toBeUndefined();
  });

  it("takes YAML, responseGroups with KB, restoreRate and the defaults", async () => {
    const file = scenario(
      "groups.yaml",
      [
        "functions:",
        "  - memoryMb: 1536",
        "    requests: 3M",
        "    duration: 500ms",
        "    snapStart: { restoreRate: 0.01 }",
        "    streaming:",
        "      responseGroups:",
        "        - { responses: 2M, averageResponseKb: 100 }",
        "        - { responses: 1M, averageResponseMb: 7 }",
        "streamingFreeGiB: 0",
      ].join("\n"),
    );
    const report = await json(["--scenario", file]);
    const line = (name: string) => report.lines.find((l) => l.name === name);
    // AWS's streaming example: 976.5625 GB × 0.008 = 7.8125
    expect(line("Response streaming (beyond 6 MB a response)")?.cost).toBe(7.8125);
    // defaults: 1 version × 730 h × 3,600 × 1.5 GB = 3,942,000 GB-s; 1% of 3M = 30,000 restores
    expect(line("SnapStart cache")?.quantity).toBe(3942000);
    expect(line("SnapStart restore")?.quantity).toBe(45000);
  });
});

describe("the flags", () => {
  it("AWS's SnapStart example → $263.92", async () => {
    const result = await run([
      "--memory",
      "1024",
      "--duration",
      "2s",
      "--requests",
      "7.44M",
      "--no-free-tier",
      "--runtime",
      "python3.12",
      "--snapstart-hours",
      "744",
      "--snapstart-restore-rate",
      "0.01",
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /│ SnapStart cache +│ +2,678,400 │ GB-s +│ \$0\.0000015046 │ +\$4\.03 │/,
    );
    expect(result.stdout).toMatch(
      /│ SnapStart restore +│ +74,400 │ GB +│ \$0\.0001397998 │ +\$10\.40 │/,
    );
    expect(result.stdout).toMatch(/│ Total \(per month\) │.*│ \$263\.92 │/);
  });

  it("AWS's LMI example as CSV → 91.4 + 48.96 + 20", async () => {
    const result = await run([
      "--memory",
      "2048",
      "--duration",
      "200ms",
      "--requests",
      "100M",
      "--arch",
      "arm64",
      "--lmi-instance-type",
      "m7g.xlarge",
      "--lmi-instance-hours",
      "2000",
      "--lmi-hourly-usd",
      "0.0457",
      "--format",
      "csv",
    ]);
    expect(result.stdout.trim().split("\n").slice(1)).toEqual([
      ",us-east-1,arm64,LMI instances (m7g.xlarge),2000,instance-hours,0.0457,91.4,",
      ",us-east-1,arm64,LMI management fee (15% of on-demand),2000,instance-hours,0.02448,48.96,",
      ",us-east-1,arm64,LMI requests,100000000,requests,0.0000002,20,",
    ]);
  });

  it("streaming, durable, logs, tenant isolation and event pollers from flags", async () => {
    const report = await json([
      "--memory",
      "1024",
      "--duration",
      "1s",
      "--requests",
      "30M",
      "--no-free-tier",
      "--stream-response-size",
      "7MB",
      "--stream-responses",
      "1M",
      "--tenant-environments",
      "1000",
      "--durable-executions",
      "1M",
      "--durable-operations",
      "4",
      "--durable-data-kb",
      "104",
      "--durable-running-days",
      "7",
      "--logs-gb",
      "10241",
      "--logs-class",
      "infrequent-access",
      "--logs-stored-gb",
      "10",
      "--event-pollers",
      "sqs:8000",
      "--event-pollers",
      "kafka:1",
    ]);
    const costs = Object.fromEntries(report.lines.map((l) => [l.name, l.cost]));
    expect(costs).toMatchObject({
      "Response streaming (beyond 6 MB a response)": 7.8125, // 976.5625 GB × 0.008
      "Tenant isolation (new environments × memory GB)": 0.166667, // 1,000 GB × 0.000166667
      "Durable data retained": 10.92, // 104 GB × (7 + 14 default) / 30 × 0.15
      "Logs ingestion (Infrequent Access, tier 1)": 2560, // 10,240 GB × 0.25
      "Logs ingestion (Infrequent Access, tier 2)": 0.15, // 1 GB × 0.15
      "Logs storage (Infrequent Access)": 0.3, // 10 GB-month × 0.03
      "Event pollers (SQS)": 74, // 8,000 × 0.00925
      "Event pollers (Kafka)": 0.185,
    });
  });
});

describe("bad input: exit 2, one line", () => {
  const OK = { memoryMb: 1024, requests: "1M", duration: "1s" };
  it.each<[string, unknown, RegExp]>([
    [
      "unknown field",
      { functions: [{ ...OK, snapStart: { restores: 1, cache: 2 } }] },
      /functions\[0\]\.snapStart has an unknown field "cache"; the fields here are versions, activeHours, restores, restoreRate$/,
    ],
    [
      "both restore inputs",
      { functions: [{ ...OK, snapStart: { restores: 1, restoreRate: 0.1 } }] },
      /functions\[0\]\.snapStart needs exactly one of restores or restoreRate/,
    ],
    [
      "restore count",
      { functions: [{ ...OK, snapStart: { restores: "lots" } }] },
      /functions\[0\]\.snapStart\.restores "lots" is not a count/,
    ],
    [
      "streaming size",
      { functions: [{ ...OK, streaming: { responses: "1M" } }] },
      /functions\[0\]\.streaming needs exactly one of averageResponseMb or averageResponseKb/,
    ],
    [
      "streaming both forms",
      {
        functions: [
          {
            ...OK,
            streaming: {
              averageResponseMb: 7,
              responseGroups: [{ responses: 1, averageResponseKb: 1 }],
            },
          },
        ],
      },
      /functions\[0\]\.streaming needs either responses .* or responseGroups/,
    ],
    [
      "edge on arm64",
      { functions: [{ ...OK, architecture: "arm64", edge: true }] },
      /functions\[0\]: edge cannot be combined with architecture arm64 \(Lambda@Edge runs on x86_64 only\)/,
    ],
    [
      "retention",
      {
        functions: [
          {
            ...OK,
            durable: {
              executions: 1,
              operationsPerExecution: 1,
              dataWrittenKbPerExecution: 1,
              retentionDays: 91,
            },
          },
        ],
      },
      /functions\[0\]\.durable\.retentionDays "91" is too large; use a number from 1 to 90 days/,
    ],
    [
      "log class",
      { functions: [{ ...OK, logs: { ingestedGb: 1, logClass: "cold" } }] },
      /functions\[0\]\.logs\.logClass must be one of "standard", "infrequentAccess" \(got "cold"\)/,
    ],
    [
      "runtime",
      { functions: [{ ...OK, runtime: "Python 3" }] },
      /functions\[0\]: runtime must be a Lambda runtime identifier/,
    ],
    [
      "poller source",
      { functions: [OK], eventPollers: [{ source: "kinesis", epuHours: 1 }] },
      /eventPollers\[0\]\.source/,
    ],
    [
      "streaming allowance",
      { functions: [OK], streamingFreeGiB: -1 },
      /streamingFreeGiB "-1" is negative/,
    ],
    [
      "LMI type",
      { functions: [{ ...OK, managedInstances: { instanceType: "z9.huge", instanceHours: 1 } }] },
      /no on-demand price for z9\.huge in us-east-1/,
    ],
  ])("%s", async (name, content, message) => {
    const file = scenario(`${name.replaceAll(" ", "-")}.json`, content);
    expectOneLineExit2(await run(["--scenario", file]), message, expect);
  });

  it.each<[string[], RegExp]>([
    [["--edge", "--provisioned-concurrency", "1"], /edge cannot be combined with provisioned/],
    [
      ["--snapstart-versions", "2"],
      /SnapStart needs exactly one of --snapstart-restores or --snapstart-restore-rate/,
    ],
    [["--snapstart-restore-rate", "2"], /--snapstart-restore-rate "2" is too large/],
    [["--stream-response-size", "300MB"], /--stream-response-size "300" is too large/],
    [["--lmi-instance-hours", "5"], /--lmi-instance-hours needs --lmi-instance-type too/],
    [["--logs-stored-gb", "5"], /--logs-stored-gb needs --logs-gb too/],
    [["--event-pollers", "kafka"], /--event-pollers "kafka" is not an event-poller entry/],
    [
      ["--region", "eu-west-1", "--runtime", "python3.12", "--snapstart-restores", "1"],
      /no SnapStart prices for eu-west-1 \(it has them for us-east-1\)/,
    ],
  ])("%j", async (flags, message) => {
    expectOneLineExit2(
      await run(["--memory", "1024", "--duration", "1s", "--requests", "1M", ...flags]),
      message,
      expect,
    );
  });

  it("a line flag with --scenario names the clash", async () => {
    const file = scenario("ok.json", { functions: [OK] });
    expectOneLineExit2(
      await run(["--scenario", file, "--edge"]),
      /--edge cannot be combined with --scenario/,
      expect,
    );
  });
});
