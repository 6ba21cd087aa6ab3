/**
 * `lambda-cost advise` from the command line: bad input (exit 2, one line, no AWS call), a
 * region that fails (named, exit 1, the rest advised), `--out` and the spawned bin.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EmulatorHandle } from "../../src/emulator/types.js";
import { startAdviseEmulator } from "../integration/advise-helpers.js";
import { BIN, type CliResult } from "./run-cli.js";
import { expectOneLineExit2, runInProcess } from "./run-in-process.js";

const env = { AWS_ACCESS_KEY_ID: "x", AWS_SECRET_ACCESS_KEY: "y", AWS_REGION: "us-east-1" };

describe("lambda-cost advise", () => {
  let emulator: EmulatorHandle;
  beforeAll(async () => {
    emulator = await startAdviseEmulator({ faults: { failingRegions: ["eu-west-1"] } });
  });
  afterAll(() => emulator.close());

  it.each([
    [["--days", "0"], /--days "0" is below 1; use a whole number from 1 to 455/],
    [["--until", "2026-02-30"], /"2026-02-30" is not a day; use YYYY-MM-DD/],
    [["--until", "2999-01-01"], /--until 2999-01-01: that day has not started yet/],
    [["--max-scan-gb", "-1"], /"-1" is not a size in GB; use a number from 0 to 1000000/],
    [["--max-scan-gb", "0x10"], /"0x10" is not a size in GB; use a number from 0 to 1000000/],
    [["--until", "1970-01-10"], /--until 1970-01-10 with --days 14 starts the window before 1970/],
    [["--until", "0001-01-01"], /starts the window before 1970-01-01; use a later --until/],
    [["--functions", ""], /"" can match no function name; use letters, digits/],
    [["--out", ""], /--out "" is no path; give a file path such as advice.table\./],
    [["--functions", "(api|web)"], /"\(api\|web\)" can match no function name/],
    [["--min-invocations", "x"], /--min-invocations "x" is not a plain decimal number/],
    [["--regions", "us-east-1,us-east-9"], /"us-east-9" is not a region in the price table/],
    [["--format", "xml"], /--format "xml" is not a known value; use one of: table, json, csv/],
  ])("%j", async (args, message) => {
    const before = emulator.requests().length;
    const argv = ["advise", ...args, "--endpoint-url", emulator.endpoint];
    expectOneLineExit2(await runInProcess(argv, env), message, expect);
    expect(emulator.requests().length).toBe(before);
  });

  it("an endpoint that answers with garbage is one line naming it, not the SDK's two", async () => {
    const server = createServer((_request, response) => {
      response.writeHead(200, { "content-type": "application/json" });
      response.end('{"garbage":');
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const result = await runInProcess(
        ["advise", "--until", "2026-11-15", "--endpoint-url", `http://127.0.0.1:${port}`],
        env,
      );
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(
        /^lambda-cost: lambda:ListFunctions failed in region us-east-1: the endpoint's reply is not an AWS response \(.*\); check --endpoint-url\n$/,
      );
    } finally {
      server.close();
    }
  });

  it("names a failing region, advises the others, exits 1; --out gets the CSV", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "advise-cli-")), "advice.csv");
    const result = await runInProcess(
      [
        "advise",
        "--regions",
        "us-east-1,eu-west-1",
        "--until",
        "2026-12-01",
        "--days",
        "30",
        "--max-scan-gb",
        "20",
        "--format",
        "csv",
        "--out",
        out,
        "--endpoint-url",
        emulator.endpoint,
      ],
      env,
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/part of the scan failed: eu-west-1 \(region\)/);
    const csv = readFileSync(out, "utf8");
    expect(csv.trimEnd().split("\n")).toHaveLength(9); // header + the 8 recommendations
    expect(csv).toMatch(/\n1,remove-idle-provisioned-concurrency,us-east-1,idle-pc,54\.750438,/);
  });

  it("the spawned bin runs the same entry", async () => {
    const result = await new Promise<CliResult>((resolve, reject) => {
      const child = spawn(
        process.execPath,
        [
          BIN,
          "advise",
          "--until",
          "2026-12-01",
          "--days",
          "30",
          "--max-scan-gb",
          "20",
          "--format",
          "json",
          "--functions",
          "idle-*",
          "--endpoint-url",
          emulator.endpoint,
        ],
        {
          env: { ...process.env, ...env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" },
        },
      );
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
    expect(result.stderr).toMatch(/^Logs Insights: about 0\.000 GB to scan in 1 log group/);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.recommendations.map((r: { function: string }) => r.function)).toEqual(["idle-pc"]);
    expect(json.summary.functionsScanned).toBe(1);
  });
});
