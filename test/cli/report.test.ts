import { existsSync, mkdtempSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runBin } from "./run-cli.js";

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
      /unknown region "us-east-9"; known regions: .*us-west-2/,
    ],
    [["--concurrency", "0"], /--concurrency must be a whole number from 1 to 64; got "0"/],
    [["--concurrency", "many"], /--concurrency must be a whole number/],
    [["--format", "xml"], /unknown format "xml"; use one of: table, json, csv/],
    [["--bogus"], /unknown option '--bogus'/],
  ])("%j", (args, message) => {
    const outDir = mkdtempSync(join(tmpdir(), "report-cli-"));
    const before = connections;
    const { code, stdout, stderr } = runBin(
      ["report", ...args, "--endpoint-url", endpoint, "--out-dir", join(outDir, "r")],
      { env },
    );
    expect(code).toBe(2);
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).toMatch(message);
    expect(stdout).toBe("");
    expect(connections).toBe(before);
    expect(existsSync(join(outDir, "r"))).toBe(false);
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
