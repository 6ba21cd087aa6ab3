/**
 * advise's promises, with the real SDK against the emulator: read-only (checked with the
 * emulator's allowedActions and the functions' state), every log group of a large account
 * (DescribeLogGroups pages of 50, one query per 50 groups), a throttled Logs API (retried; past
 * the retries named as a failure, the metric advice kept), a StartQuery refused by the
 * concurrency limit (waited for), and the scan-cost guard (exit 2 before any query).
 */
import { describe, expect, it } from "vitest";
import { runAdvise } from "../../src/advise/run-advise.js";
import { loadLambdaPriceTable } from "../../src/prices/lambda-prices.js";
import { runInProcess } from "../cli/run-in-process.js";
import {
  ADVISE_NOW,
  adviceSourceFor,
  adviseOn,
  DESIGNED_ACCOUNT,
  NOVEMBER,
  startAdviseEmulator,
} from "./advise-helpers.js";

const READ_ONLY = [
  "lambda:ListFunctions",
  "lambda:ListProvisionedConcurrencyConfigs",
  "cloudwatch:GetMetricData",
  "logs:DescribeLogGroups",
  "logs:StartQuery",
  "logs:GetQueryResults",
  "logs:StopQuery",
];

describe("advise is read-only", () => {
  it("needs only List/Get/Describe and the Logs Insights query actions, and changes nothing", async () => {
    const emulator = await startAdviseEmulator({ allowedActions: READ_ONLY });
    try {
      const before = DESIGNED_ACCOUNT.map((f) => emulator.inspect("us-east-1", f.name));
      const result = await adviseOn(emulator);
      expect(result.failures).toEqual([]);
      expect(result.recommendations).toHaveLength(8);
      const served = emulator.requests();
      expect(served.every((r) => r.status < 400)).toBe(true);
      expect(new Set(served.map((r) => r.action))).toEqual(
        new Set(READ_ONLY.filter((a) => a !== "logs:StopQuery")),
      );
      expect(DESIGNED_ACCOUNT.map((f) => emulator.inspect("us-east-1", f.name))).toEqual(before);
    } finally {
      await emulator.close();
    }
  });
});

describe("advise over many log groups", () => {
  it("pages DescribeLogGroups 50 at a time and queries 50 groups a query", async () => {
    const functions = Array.from({ length: 120 }, (_, i) => ({
      name: `fn-${String(i).padStart(3, "0")}`,
      architecture: "arm64" as const,
      logRetentionDays: 30,
      model: { memoryUsedMb: 100 },
      history: [{ month: "2026-11", invocationsPerDay: 100, avgDurationMs: 10 }],
    }));
    const emulator = await startAdviseEmulator({ functions, logsQueryConcurrencyLimit: 2 });
    try {
      const result = await adviseOn(emulator);
      const calls = (action: string) =>
        emulator.requests().filter((r) => r.action === action && r.status === 200).length;
      expect(calls("logs:DescribeLogGroups")).toBe(3);
      expect(calls("logs:StartQuery")).toBe(3); // 50 + 50 + 20 groups
      expect(result.summary.scan.queries).toBe(3);
      expect(result.failures).toEqual([]);
      // Every function got its REPORT statistics: 128 MB with 100 MB used is 78 %, no advice.
      expect(result.recommendations).toEqual([]);
      // More queries than the emulator runs at once (2): the others waited for a slot.
      const refused = emulator
        .requests()
        .filter((r) => r.action === "logs:StartQuery" && r.status === 400).length;
      expect(refused).toBeGreaterThan(0);
    } finally {
      await emulator.close();
    }
  });
});

describe("advise against a throttled Logs API", () => {
  it("retries throttled calls (30 % throttled, 6 attempts) and gets the same advice", async () => {
    const emulator = await startAdviseEmulator({ faults: { logsThrottleRate: 0.3 } });
    try {
      const result = await adviseOn(emulator, { maxAttempts: 6 });
      expect(result.failures).toEqual([]);
      expect(result.recommendations).toHaveLength(8);
      const throttled = emulator.requests().filter((r) => r.status === 400);
      expect(throttled.length).toBeGreaterThan(0);
    } finally {
      await emulator.close();
    }
  });

  it("names the Logs failure once retries run out and keeps the metric advice", async () => {
    const emulator = await startAdviseEmulator({ faults: { logsThrottleRate: 1 } });
    try {
      const result = await adviseOn(emulator, { maxAttempts: 2 });
      expect(result.failures).toEqual([
        {
          region: "us-east-1",
          what: "log groups",
          message: expect.stringMatching(/logs:DescribeLogGroups failed .*ThrottlingException/),
        },
      ]);
      // Without REPORT statistics only the metric rules fire.
      expect(result.recommendations.map((r) => r.kind).sort()).toEqual([
        "increase-provisioned-concurrency",
        "reduce-provisioned-concurrency",
        "remove-idle-provisioned-concurrency",
        "switch-to-arm64",
      ]);
    } finally {
      await emulator.close();
    }
  });
});

describe("the scan-cost guard", () => {
  it("refuses with exit 2 before any query when the estimate is over --max-scan-gb", async () => {
    const emulator = await startAdviseEmulator();
    try {
      const env = { AWS_ACCESS_KEY_ID: "x", AWS_SECRET_ACCESS_KEY: "y", AWS_REGION: "us-east-1" };
      const args = ["advise", "--endpoint-url", emulator.endpoint, "--until", "2026-12-01"];
      const refused = await runInProcess([...args, "--days", "30", "--max-scan-gb", "1"], env);
      expect(refused.code).toBe(2);
      expect(refused.stdout).toBe("");
      // logs-heavy logs 13.97 GB in November (15,000,000,000 bytes / 1024³); its group keeps 30
      // days, so at the clock (2 December, 10:00) it holds a little less: the estimate is the
      // stored bytes of the window's groups.
      const estimate =
        /^Logs Insights: about (\d+\.\d{3}) GB to scan in 12 log groups, about \$(\d\.\d{4}) at \$0\.005 per GB scanned \(us-east-1\)\.\n/.exec(
          refused.stderr,
        );
      const gb = Number(estimate?.[1]);
      expect(gb).toBeGreaterThan(13);
      expect(gb).toBeLessThan(14.3);
      expect(Number(estimate?.[2])).toBeCloseTo(gb * 0.005, 4);
      expect(refused.stderr).toMatch(
        new RegExp(`over --max-scan-gb 1; raise it \\(--max-scan-gb ${Math.ceil(gb)}\\)`),
      );
      expect(refused.stderr.trimEnd().split("\n")).toHaveLength(2);
      expect(emulator.requests().some((r) => r.action === "logs:StartQuery")).toBe(false);
      const allowed = await runInProcess(
        [...args, "--days", "30", "--max-scan-gb", "15", "--format", "json"],
        env,
      );
      expect(allowed.code).toBe(0);
      expect(JSON.parse(allowed.stdout).recommendations).toHaveLength(8);
    } finally {
      await emulator.close();
    }
  });
});

describe("a service run over an emulator whose clock is the test's", () => {
  it("the window is the caller's, not the clock's", async () => {
    const emulator = await startAdviseEmulator();
    const source = adviceSourceFor(emulator);
    try {
      const result = await runAdvise({
        source,
        regions: ["us-east-1"],
        window: NOVEMBER,
        table: loadLambdaPriceTable(),
        minInvocations: 50,
        freeTier: false,
        includeFunction: (name) => name.startsWith("x86-"),
      });
      expect(ADVISE_NOW).toBeGreaterThan(NOVEMBER.end.getTime());
      expect(result.summary.functionsScanned).toBe(4);
      expect(result.recommendations.map((r) => r.functionName)).toEqual(["x86-node"]);
    } finally {
      source.close();
      await emulator.close();
    }
  });
});
