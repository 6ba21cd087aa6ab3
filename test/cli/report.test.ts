import { existsSync, mkdtempSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runBin } from "./run-cli.js";
import { expectOneLineExit2, runInProcess } from "./run-in-process.js";

// A server that only counts connections: bad input must be refused before any AWS call.
let server: Server;
let connections = 0;
let endpoint = "";

beforeAll(async () => {
  server = createServer((_req, res) => res.end("{}"));
  server.on("connection", () => {
    connections += 1;
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

const env = { AWS_ACCESS_KEY_ID: "x", AWS_SECRET_ACCESS_KEY: "y", AWS_REGION: "us-east-1" };

describe("lambda-cost report: bad input exits 2 with one line, before any AWS call", () => {
  it.each([
    [["--month", "2026-13"], /"2026-13" is not a month; use YYYY-MM/],
    [["--month", "october"], /is not a month/],
    [["--month", "2999-01"], /month 2999-01 has not ended yet \(UTC\); use a complete month up to/],
    [["--month", "2020-01"], /older than CloudWatch's 455-day retention/],
    [["--regions", "mars-1"], /"mars-1" is not a region list/],
    [
      ["--regions", "us-east-1,us-east-9"],
      /--regions "us-east-9" is not a region in the price table; did you mean us-east-1\?, or all$/,
    ],
    [["--concurrency", "0"], /--concurrency "0" is below 1; use a whole number from 1 to 64/],
    [["--concurrency", "many"], /--concurrency "many" is not a plain decimal number/],
    [["--format", "xml"], /--format "xml" is not a known value; use one of: table, json, csv/],
    [["--format", "CSV"], /--format "CSV" is not a known value; did you mean csv\?/],
    [["--bogus"], /unknown option --bogus; see --help for the options/],
    [["-o", "csv"], /unknown option -o; did you mean --format\?/],
  ])("%j", async (args, message) => {
    const outDir = mkdtempSync(join(tmpdir(), "report-cli-"));
    const before = connections;
    const argv = ["report", ...args, "--endpoint-url", endpoint, "--out-dir", join(outDir, "r")];
    expectOneLineExit2(await runInProcess(argv, env), message, expect);
    expect(connections).toBe(before);
    expect(existsSync(join(outDir, "r"))).toBe(false);
  });

  // An unset shell variable ("$DIR") must not turn --merge or --accounts-file into "not given"
  // (a single-account report of the credentials' account) or --out-dir into the working directory.
  it.each([
    [["--merge", ""], /--merge "" is no path; give the directory holding the per-account report/],
    [["--accounts-file", ""], /--accounts-file "" is no path; give a file with one 12-digit/],
    [["--out-dir", " "], /--out-dir " " is no path; give a directory such as reports\.$/],
  ])("%j", async (args, message) => {
    const outDir = mkdtempSync(join(tmpdir(), "report-cli-"));
    const before = connections;
    const argv = ["report", "--endpoint-url", endpoint, "--out-dir", join(outDir, "r"), ...args];
    expectOneLineExit2(await runInProcess(argv, env), message, expect);
    expect(connections).toBe(before);
    expect(existsSync(join(outDir, "r"))).toBe(false);
  });

  it("the spawned bin gives the same line (one case through the real entry)", () => {
    const { code, stdout, stderr } = runBin(["report", "--month", "2026-13"], { env });
    expect(stderr).toMatch(/^lambda-cost: --month "2026-13" is not a month; use YYYY-MM/);
    expect(stdout).toBe("");
    expect(code).toBe(2);
  });

  it("documents every flag in --help", () => {
    const { code, stdout } = runBin(["report", "--help"]);
    expect(code).toBe(0);
    for (const flag of [
      "--month",
      "--regions",
      "--out-dir",
      "--format",
      "--no-free-tier",
      "--profile",
      "--endpoint-url",
      "--concurrency",
    ]) {
      expect(stdout).toContain(flag);
    }
  });
});
