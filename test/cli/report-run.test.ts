/**
 * `lambda-cost report` as a user runs it against the emulator (run in this process). The first
 * case spawns the built bin (asynchronously, so the emulator can answer it); the rest run
 * in-process through the CLI's entry function (runCli), which the bin only wraps.
 */
import { spawn } from "node:child_process";
import { mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EmulatorHandle } from "../../src/emulator/types.js";
import { startReportEmulator } from "../integration/report-helpers.js";
import { BIN, type CliResult } from "./run-cli.js";
import { runInProcess } from "./run-in-process.js";

function runBinAsync(args: string[], env: NodeJS.ProcessEnv): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { ...process.env, NO_COLOR: "1", ...env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
    });
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

const FILE = "lambda-cost-2026-10-111122223333.csv";

describe("lambda-cost report against the emulator", () => {
  let emulator: EmulatorHandle;
  let env: NodeJS.ProcessEnv;
  const argsFor = (outDir: string, args: string[]) => [
    "report",
    "--month",
    "2026-10",
    "--regions",
    "us-east-1,eu-west-1",
    "--endpoint-url",
    emulator.endpoint,
    "--out-dir",
    outDir,
    ...args,
  ];
  const spawned = (outDir: string, ...args: string[]) => runBinAsync(argsFor(outDir, args), env);
  const run = (outDir: string, ...args: string[]) => runInProcess(argsFor(outDir, args), env);

  beforeAll(async () => {
    emulator = await startReportEmulator([
      // 1,000/day × 31 = 31,000 invocations of 100 ms at 1024 MB: billed 3,100,000 + 15,500 =
      // 3,115,500 ms → 3,115.5 GB-s; with --no-free-tier: requests 31,000 × 0.0000002 = 0.0062,
      // duration 3,115.5 × 0.0000166667 = 0.051925 (0.05192510385) → total 0.058125.
      {
        name: "east",
        region: "us-east-1",
        memorySize: 1024,
        history: [{ month: "2026-10", invocationsPerDay: 1000, avgDurationMs: 100 }],
      },
      { name: "west", region: "eu-west-1", memorySize: 256 },
    ]);
    env = { AWS_ACCESS_KEY_ID: "x", AWS_SECRET_ACCESS_KEY: "y", AWS_REGION: "us-east-1" };
  });
  afterAll(() => emulator.close());

  it("writes the CSV, prints the summary, and a rerun writes identical bytes", async () => {
    const outDir = await mkdtemp(join(tmpdir(), "report-run-"));
    const first = await spawned(outDir, "--no-free-tier");
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    const bytes = await readFile(join(outDir, FILE));
    expect(bytes.toString()).toContain(
      "2026-10,111122223333,us-east-1,east,x86_64,1024,512,31000,3100000.000,100.000,3115.500000,0.006200,0.051925,0.000000,0.000000,0.000000,0.058125,",
    );
    expect(first.stdout).toContain("Lambda cost report 2026-10 · account 111122223333");
    expect(first.stdout).toContain("Total $0.06");
    expect(first.stdout).toContain("1. us-east-1/east $0.06");
    const second = await spawned(outDir, "--no-free-tier");
    expect(second.code).toBe(0);
    expect((await readFile(join(outDir, FILE))).equals(bytes)).toBe(true);
    expect(await readdir(outDir)).toEqual([FILE]);
  });

  it("--format csv prints the file's bytes on stdout, the summary on stderr", async () => {
    const outDir = await mkdtemp(join(tmpdir(), "report-run-"));
    const result = await run(outDir, "--format", "csv");
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(await readFile(join(outDir, FILE), "utf8"));
    expect(result.stderr).toContain("Lambda cost report 2026-10");
  });

  it("--format json prints the model, money as exact JSON numbers", async () => {
    const outDir = await mkdtemp(join(tmpdir(), "report-run-"));
    const result = await run(outDir, "--format", "json", "--no-free-tier");
    expect(result.code).toBe(0);
    const model = JSON.parse(result.stdout);
    expect(model.month).toBe("2026-10");
    expect(model.accountId).toBe("111122223333");
    // 0.0062 + 0.05192510385 = 0.05812510385 (see the hand computation above).
    expect(model.totals.totalCost).toBe(0.05812510385);
    expect(result.stdout).toContain('"totalCost": 0.05812510385');
    expect(model.rows).toHaveLength(2);
  });

  it("compares with last month's report in the out-dir", async () => {
    const outDir = await mkdtemp(join(tmpdir(), "report-run-"));
    await writeFile(
      join(outDir, "lambda-cost-2026-09-111122223333.csv"),
      'month,account_id,region,function_name,total_cost_usd,notes\n2026-09,111122223333,us-east-1,east,0.020000,"a, b"\n2026-09,111122223333,us-east-1,old,1.000000,\n',
    );
    const result = await run(outDir, "--no-free-tier");
    expect(result.code).toBe(0);
    // 1.02 → 0.058125: −0.961875, −94.3 %.
    expect(result.stdout).toContain("Against 2026-09: $1.02 → $0.06 (-$0.96, -94.3%)");
    expect(result.stdout).toContain("us-east-1/old (gone) -$1.00");
    expect(result.stdout).toContain("us-east-1/east +$0.04");
  });

  it("--html writes a page beside the CSV; --format html --out writes the same page", async () => {
    const outDir = await mkdtemp(join(tmpdir(), "report-run-"));
    const page = join(outDir, "page.html");
    const htmlFile = FILE.replace(/\.csv$/, ".html");
    const result = await run(outDir, "--no-free-tier", "--html", "--format", "html", "--out", page);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe("");
    const beside = await readFile(join(outDir, htmlFile), "utf8");
    expect(await readFile(page, "utf8")).toBe(beside);
    expect(beside).toMatch(/^<!doctype html>/);
    // Total 0.05812510385 (the hand computation above): cents in the table, every digit in the
    // embedded JSON.
    expect(beside).toMatch(/data-json="totals\.totalCost"[^>]*>\$0\.06</);
    expect(beside).toContain('"totalCost": 0.05812510385');
    expect(result.stderr).toContain(`Written: ${join(outDir, FILE)} and ${join(outDir, htmlFile)}`);
    expect(result.stderr).toContain(`lambda-cost: wrote ${page}`);
    expect((await readdir(outDir)).sort()).toEqual([FILE, htmlFile, "page.html"].sort());
  });

  it("exits 1 when a region fails, after writing the others", async () => {
    const failing = await startReportEmulator(
      [{ name: "east", history: [{ month: "2026-10", invocationsPerDay: 1, avgDurationMs: 1 }] }],
      { faults: { failingRegions: ["eu-west-1"] } },
    );
    try {
      const outDir = await mkdtemp(join(tmpdir(), "report-run-"));
      const result = await runInProcess(
        ["report", "--month", "2026-10", "--regions", "us-east-1,eu-west-1"].concat([
          "--endpoint-url",
          failing.endpoint,
          "--out-dir",
          outDir,
        ]),
        env,
      );
      expect(result.code).toBe(1);
      expect(result.stdout).toContain("FAILED: region eu-west-1");
      expect(result.stderr).toMatch(/^lambda-cost: region eu-west-1 failed/);
      const csv = await readFile(join(outDir, FILE), "utf8");
      expect(csv).toContain("incomplete account: eu-west-1 failed");
    } finally {
      await failing.close();
    }
  });

  it("a failure after the data is read leaves no file (arm64 PC has no eu-west-1 price)", async () => {
    const noPrice = await startReportEmulator([
      {
        name: "arm-pc",
        region: "eu-west-1",
        architecture: "arm64",
        provisionedConcurrency: [{ qualifier: "live", amount: 1 }],
        history: [{ month: "2026-10", invocationsPerDay: 10, avgDurationMs: 1 }],
      },
    ]);
    try {
      const outDir = await mkdtemp(join(tmpdir(), "report-run-"));
      const result = await runInProcess(
        ["report", "--month", "2026-10", "--regions", "eu-west-1"].concat([
          "--endpoint-url",
          noPrice.endpoint,
          "--out-dir",
          outDir,
        ]),
        env,
      );
      expect(result.code).toBe(2);
      expect(result.stderr.trim().split("\n")).toHaveLength(1);
      expect(result.stderr).toMatch(/no price for provisioned concurrency \(arm64\) in eu-west-1/);
      // The metrics were read, then pricing failed: nothing in the out-dir, not even a temp file.
      expect(noPrice.requests().some((r) => r.action === "cloudwatch:GetMetricData")).toBe(true);
      expect(await readdir(outDir)).toEqual([]);
    } finally {
      await noPrice.close();
    }
  });
});
