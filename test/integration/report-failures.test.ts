/**
 * What goes wrong, against the emulator: one region failing, a denied permission, an atomic
 * write that fails, and `--month previous` exactly at a month boundary.
 */
import { mkdir, mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CloudWatchClient } from "@aws-sdk/client-cloudwatch";
import { LambdaClient } from "@aws-sdk/client-lambda";
import { afterEach, describe, expect, it } from "vitest";
import { generateMonthlyReport } from "../../src/api/report.js";
import type { EmulatorHandle } from "../../src/emulator/types.js";
import { renderReportSummary } from "../../src/output/report-summary.js";
import { writeFileAtomic } from "../../src/report/write-report.js";
import { connectionTo, type FunctionInput, startReportEmulator } from "./report-helpers.js";

const twoRegions: FunctionInput[] = [
  {
    name: "east",
    region: "us-east-1",
    history: [{ month: "2026-10", invocationsPerDay: 1000, avgDurationMs: 10 }],
  },
  {
    name: "west",
    region: "eu-west-1",
    history: [{ month: "2026-10", invocationsPerDay: 1000, avgDurationMs: 10 }],
  },
];

let emulator: EmulatorHandle | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

describe("report failures", () => {
  it("reports the other regions when one fails, and names the failure", async () => {
    emulator = await startReportEmulator(twoRegions, { faults: { failingRegions: ["eu-west-1"] } });
    const report = await generateMonthlyReport({
      regions: ["us-east-1", "eu-west-1"],
      month: "2026-10",
      connection: connectionTo(emulator, 1),
    });
    expect(report.rows.map((r) => r.functionName)).toEqual(["east"]);
    expect(report.regions).toEqual(["us-east-1"]);
    expect(report.failedRegions).toHaveLength(1);
    expect(report.failedRegions[0]?.region).toBe("eu-west-1");
    expect(report.failedRegions[0]?.message).toMatch(
      /lambda:ListFunctions failed in region eu-west-1/,
    );
    expect(report.notes[0]).toMatch(/^region eu-west-1 failed and is not in this report/);
    expect(report.rows[0]?.notes).toContain("incomplete account: eu-west-1 failed");
    expect(renderReportSummary(report)).toMatch(/FAILED: region eu-west-1 is not in this report/);
  });

  it("says which action was denied", async () => {
    emulator = await startReportEmulator(twoRegions, {
      allowedActions: ["lambda:ListFunctions", "lambda:ListProvisionedConcurrencyConfigs"],
    });
    await expect(
      generateMonthlyReport({
        regions: ["us-east-1"],
        month: "2026-10",
        connection: connectionTo(emulator, 1),
      }),
    ).rejects.toThrow(
      "access denied: cloudwatch:GetMetricData is not allowed in region us-east-1.",
    );
  });

  it("with several regions denied everywhere, fails as a whole and names the action", async () => {
    // With PC (so a published version): only then is ListProvisionedConcurrencyConfigs called.
    const withPc = twoRegions.map((f) => ({
      ...f,
      provisionedConcurrency: [{ qualifier: "live", amount: 1 }],
    }));
    emulator = await startReportEmulator(withPc, { allowedActions: ["lambda:ListFunctions"] });
    await expect(
      generateMonthlyReport({
        regions: ["us-east-1", "eu-west-1"],
        month: "2026-10",
        connection: connectionTo(emulator, 1),
      }),
    ).rejects.toThrow(
      /every region failed: .*lambda:ListProvisionedConcurrencyConfigs is not allowed/,
    );
  });
});

describe("--regions all: an opt-in region the account has not enabled", () => {
  it("is skipped with a note, not reported as a failure", async () => {
    emulator = await startReportEmulator(twoRegions);
    // What a disabled opt-in region answers: 403 UnrecognizedClientException.
    const disabled = createServer((req, res) => {
      req.resume();
      res.writeHead(403, {
        "content-type": "application/json",
        "x-amzn-errortype": "UnrecognizedClientException",
      });
      res.end('{"message":"The security token included in the request is invalid."}');
    });
    await new Promise<void>((resolve) => disabled.listen(0, "127.0.0.1", resolve));
    const disabledUrl = `http://127.0.0.1:${(disabled.address() as AddressInfo).port}`;
    const config = (region: string) => ({
      region,
      endpoint: region === "ap-east-1" ? disabledUrl : (emulator as EmulatorHandle).endpoint,
      credentials: { accessKeyId: "x", secretAccessKey: "y" },
      maxAttempts: 1,
    });
    try {
      const report = await generateMonthlyReport({
        regions: ["us-east-1", "eu-west-1", "ap-east-1"],
        month: "2026-10",
        skipDisabledRegions: true,
        clients: {
          lambda: (region) => new LambdaClient(config(region)),
          cloudwatch: (region) => new CloudWatchClient(config(region)),
        },
      });
      expect(report.failedRegions).toEqual([]);
      expect(report.regions).toEqual(["eu-west-1", "us-east-1"]);
      expect(report.notes).toContain(
        "region ap-east-1 skipped: not enabled for this account (it does not recognise the credentials).",
      );
    } finally {
      await new Promise((resolve) => disabled.close(resolve));
    }
  });
});

describe("report month at a boundary (--month previous)", () => {
  it("refuses a month that has not ended, before any AWS call", async () => {
    emulator = await startReportEmulator([]);
    await expect(
      generateMonthlyReport({
        regions: ["us-east-1"],
        month: { year: 2026, month: 11 },
        now: new Date("2026-11-30T23:59:59Z"),
        connection: connectionTo(emulator),
      }),
    ).rejects.toThrow(/month 2026-11 has not ended yet/);
    expect(emulator.requests()).toEqual([]);
  });

  const history: FunctionInput[] = [
    {
      name: "f",
      history: [
        { month: "2026-09", invocationsPerDay: 10, avgDurationMs: 1 },
        { month: "2026-10", invocationsPerDay: 100, avgDurationMs: 1 },
        { month: "2026-11", invocationsPerDay: 1000, avgDurationMs: 1 },
      ],
    },
  ];
  it.each([
    // At 00:00:00.000 on 1 November, October is complete: 100 × 31 invocations.
    ["2026-11-01T00:00:00.000Z", "2026-10", "3100"],
    // One millisecond earlier, October is still running: September, 10 × 30.
    ["2026-10-31T23:59:59.999Z", "2026-09", "300"],
  ])("at %s reports %s", async (now, month, invocations) => {
    emulator = await startReportEmulator(history, {}, Date.parse(now));
    const report = await generateMonthlyReport({
      regions: ["us-east-1"],
      month: "previous",
      now: new Date(now),
      connection: connectionTo(emulator),
    });
    expect(report.month).toBe(month);
    expect(report.rows[0]?.invocations.toFixed()).toBe(invocations);
  });
});

describe("atomic write", () => {
  it("leaves the old report and no temporary file when the rename fails", async () => {
    const dir = await mkdtemp(join(tmpdir(), "report-atomic-"));
    await writeFile(join(dir, "keep.csv"), "old\n");
    // The target name is taken by a directory, so the final rename fails after the write.
    await mkdir(join(dir, "lambda-cost-2026-10-111122223333.csv"));
    await expect(
      writeFileAtomic(dir, "lambda-cost-2026-10-111122223333.csv", "new\n"),
    ).rejects.toThrow(/cannot write the report to .*lambda-cost-2026-10-111122223333\.csv/);
    expect((await readdir(dir)).sort()).toEqual([
      "keep.csv",
      "lambda-cost-2026-10-111122223333.csv",
    ]);
    expect(await readFile(join(dir, "keep.csv"), "utf8")).toBe("old\n");
  });

  it("replaces a report whole", async () => {
    const dir = await mkdtemp(join(tmpdir(), "report-atomic-"));
    await writeFileAtomic(dir, "r.csv", "first\n");
    await writeFileAtomic(dir, "r.csv", "second\n");
    expect(await readdir(dir)).toEqual(["r.csv"]);
    expect(await readFile(join(dir, "r.csv"), "utf8")).toBe("second\n");
  });
});
