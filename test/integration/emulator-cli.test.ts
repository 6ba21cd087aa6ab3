/**
 * `lambda-cost emulator` as a user runs it: the built bin as a child process, real SDK calls
 * against it, stopped with SIGINT. The refusals (bad config, port, host) and --help run
 * in-process through the CLI's entry function (runCli), which the bin only wraps. Run
 * `npm run build` first when running this file alone.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CloudWatchClient, GetMetricStatisticsCommand } from "@aws-sdk/client-cloudwatch";
import { InvokeCommand, LambdaClient, ListFunctionsCommand } from "@aws-sdk/client-lambda";
import { describe, expect, it } from "vitest";
import { BIN } from "../cli/run-cli.js";
import { runInProcess } from "../cli/run-in-process.js";

import { CREDENTIALS } from "./emulator-helpers.js";

function startCli(args: string[]) {
  const child = spawn(process.execPath, [BIN, "emulator", ...args], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d: Buffer) => {
    stdout += d.toString();
  });
  child.stderr.on("data", (d: Buffer) => {
    stderr += d.toString();
  });
  const listening = new Promise<string>((resolve, reject) => {
    child.stdout.on("data", () => {
      const match = /Emulator listening on (http:\/\/\S+)/.exec(stdout);
      if (match) resolve(match[1]!);
    });
    child.on("exit", (code) => reject(new Error(`exited ${code}: ${stderr}`)));
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, listening, exited, output: () => ({ stdout, stderr }) };
}

describe("lambda-cost emulator (CLI)", () => {
  it("serves examples/emulator.json until SIGINT, then exits 0", async () => {
    const cli = startCli(["--config", "examples/emulator.json", "--port", "0"]);
    const endpoint = await cli.listening;
    expect(endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const lambda = new LambdaClient({
      region: "us-east-1",
      endpoint,
      credentials: CREDENTIALS,
      maxAttempts: 1,
    });
    const list = await lambda.send(new ListFunctionsCommand({}));
    expect(list.Functions?.map((f) => f.FunctionName)).toEqual([
      "api-handler",
      "pdf-render",
      "resize-image",
      "video-transcode",
    ]);
    const cw = new CloudWatchClient({
      region: "us-east-1",
      endpoint,
      credentials: CREDENTIALS,
      maxAttempts: 1,
    });
    const stats = await cw.send(
      new GetMetricStatisticsCommand({
        Namespace: "AWS/Lambda",
        MetricName: "Invocations",
        Dimensions: [{ Name: "FunctionName", Value: "resize-image" }],
        StartTime: new Date("2026-10-01T00:00:00Z"),
        EndTime: new Date("2026-11-01T00:00:00Z"),
        Period: 2_678_400,
        Statistics: ["Sum"],
      }),
    );
    // examples/emulator.json: 250,000 a day × 31 days.
    expect(stats.Datapoints?.[0]?.Sum).toBe(7_750_000);
    lambda.destroy();
    cw.destroy();
    cli.child.kill("SIGINT");
    expect(await cli.exited).toBe(0);
    expect(cli.output().stdout).toContain("Emulator stopped (SIGINT)");
  });

  it("SIGINT during a long real-time invocation still stops it at once", async () => {
    const config = join(mkdtempSync(join(tmpdir(), "lc-emulator-")), "slow.json");
    writeFileSync(
      config,
      JSON.stringify({
        timeScale: 1,
        functions: [{ name: "slow", memorySize: 1769, timeout: 900, model: { fixedMs: 120_000 } }],
      }),
    );
    const cli = startCli(["--config", config, "--port", "0"]);
    const endpoint = await cli.listening;
    const lambda = new LambdaClient({
      region: "us-east-1",
      endpoint,
      credentials: CREDENTIALS,
      maxAttempts: 1,
    });
    const pending = lambda.send(new InvokeCommand({ FunctionName: "slow" }));
    pending.catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const start = Date.now();
    cli.child.kill("SIGINT");
    expect(await cli.exited).toBe(0);
    expect(Date.now() - start).toBeLessThan(10_000);
    lambda.destroy();
  });

  it("SIGTERM stops it too", async () => {
    const cli = startCli(["--config", "examples/emulator.json", "--port", "0"]);
    await cli.listening;
    cli.child.kill("SIGTERM");
    expect(await cli.exited).toBe(0);
  });

  const dir = mkdtempSync(join(tmpdir(), "lc-emulator-"));
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  it.each([
    [
      "a memory size out of range",
      file("mem.json", '{"functions":[{"name":"a","memorySize":64}]}'),
      /^lambda-cost: --config \S+mem\.json: functions\[0\]\.memorySize must be at least 128 \(got 64\)$/,
    ],
    [
      "an unknown log format",
      file("log.json", '{"functions":[{"name":"a","logFormat":"XML"}]}'),
      /functions\[0\]\.logFormat must be one of "Text", "JSON" \(got "XML"\)$/,
    ],
    [
      "a misspelt fault",
      file("fault.json", '{"faults":{"throttleRat":0.1}}'),
      /faults has an unknown field "throttleRat"; did you mean "throttleRate"\?$/,
    ],
    [
      "a history month",
      file(
        "month.json",
        '{"functions":[{"name":"a","history":[{"month":"2026-13","invocationsPerDay":1,"avgDurationMs":1}]}]}',
      ),
      /functions\[0\]\.history\[0\]\.month must be YYYY-MM \(got "2026-13"\)$/,
    ],
    [
      "invalid JSON",
      file("bad.json", "{"),
      /^lambda-cost: --config \S+bad\.json: not valid JSON \(Expected property name/,
    ],
    [
      "a duplicate function",
      file("dup.json", '{"functions":[{"name":"a"},{"name":"a"}]}'),
      /^lambda-cost: --config \S+dup\.json: functions\[1\]\.name "a" is already a function in us-east-1; give/,
    ],
    [
      "a missing file",
      join(dir, "missing.json"),
      /--config .*missing\.json: cannot read it \(no such file\)/,
    ],
  ])("a config with %s exits 2 with one line naming the problem", async (_label, path, message) => {
    const result = await runInProcess(["emulator", "--config", path, "--port", "0"]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr.trim()).toMatch(message);
    expect(result.stdout).toBe("");
  });

  it("a bad --port exits 2", async () => {
    const result = await runInProcess([
      "emulator",
      "--config",
      "examples/emulator.json",
      "--port",
      "70000",
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'lambda-cost: --port "70000" is above 65535; use a whole number from 0 to 65535\n',
    );
  });

  it("a port in use or an unknown host exits 2 with one line", async () => {
    const cli = startCli(["--config", "examples/emulator.json", "--port", "0"]);
    const port = new URL(await cli.listening).port;
    const taken = await runInProcess([
      "emulator",
      "--config",
      "examples/emulator.json",
      "--port",
      port,
    ]);
    cli.child.kill("SIGINT");
    await cli.exited;
    expect(taken.code).toBe(2);
    expect(taken.stderr).toMatch(/cannot listen on 127\.0\.0\.1:\d+ \(EADDRINUSE\)/);
    const host = await runInProcess([
      "emulator",
      "--config",
      "examples/emulator.json",
      "--host",
      "no-such-host.invalid",
    ]);
    expect(host.code).toBe(2);
    expect(host.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("--help documents the flags", async () => {
    const result = await runInProcess(["emulator", "--help"]);
    expect(result.code).toBe(0);
    for (const flag of ["--config <file>", "--port <port>", "--host <host>"])
      expect(result.stdout).toContain(flag);
  });
});
