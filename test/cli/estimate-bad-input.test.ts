/**
 * Every bad input of issue 2: exit 2, nothing on stdout, one line on stderr that names the
 * flag (or file field), what was given and what is allowed, and no stack trace.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runBin } from "./run-cli.js";

const OK = ["--memory", "1024", "--duration", "100ms", "--requests", "1M"];
const dir = mkdtempSync(join(tmpdir(), "lambda-cost-estimate-"));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

function expectOneLineExit2(args: string[], message: RegExp, env: NodeJS.ProcessEnv = {}) {
  const { code, stdout, stderr } = runBin(["estimate", ...args], {
    env: { AWS_REGION: "", AWS_DEFAULT_REGION: "", ...env },
  });
  expect(code).toBe(2);
  expect(stdout).toBe("");
  expect(stderr.trim().split("\n")).toHaveLength(1);
  expect(stderr).not.toMatch(/\n\s+at /);
  expect(stderr).toMatch(message);
}

describe("estimate: bad flags exit 2 with one line", () => {
  it.each([
    [
      ["--memory", "127"],
      /--memory <MB>' argument '127' is invalid\. memory must be a whole number from 128 to 10240; got "127"/,
    ],
    [["--memory", "10241"], /memory must be a whole number from 128 to 10240; got "10241"/],
    [["--memory", "1536.5"], /memory must be a whole number from 128 to 10240; got "1536\.5"/],
    [
      ["--ephemeral-storage", "511"],
      /--ephemeral-storage <MB>' argument '511' is invalid\. ephemeral storage must be a whole number from 512 to 10240/,
    ],
    [
      ["--ephemeral-storage", "10241"],
      /ephemeral storage must be a whole number from 512 to 10240; got "10241"/,
    ],
    [
      ["--arch", "sparc"],
      /--arch <arch>' argument 'sparc' is invalid\. unknown architecture "sparc"; use one of: x86_64, arm64/,
    ],
    [
      ["--requests", "lots"],
      /--requests <count>' argument 'lots' is invalid\. "lots" is not a count; use a whole number such as 3000000, 3M/,
    ],
    [["--requests", "-5"], /--requests <count>' argument '-5' is invalid/],
    [
      ["--duration", "fast"],
      /--duration <time>' argument 'fast' is invalid\. "fast" is not a duration; use milliseconds/,
    ],
    [["--duration", "-1s"], /--duration <time>' argument '-1s' is invalid/],
    [
      ["--init-duration", "soon", "--cold-start-rate", "0.1"],
      /--init-duration <time>' argument 'soon' is invalid/,
    ],
    [
      ["--cold-start-rate", "1.5", "--init-duration", "1s"],
      /cold-start rate must be a number from 0 to 1; got "1\.5"/,
    ],
    [
      ["--provisioned-concurrency", "0"],
      /provisioned concurrency must be a whole number from 1 to 1000000; got "0"/,
    ],
    [
      ["--provisioned-concurrency", "1", "--provisioned-hours", "800"],
      /provisioned hours must be a number from 0 to 744 \(a 31-day month\); got "800"/,
    ],
    [
      ["--provisioned-concurrency", "1", "--provisioned-requests", "x"],
      /--provisioned-requests <count>' argument 'x' is invalid/,
    ],
    [
      ["--provisioned-concurrency", "1", "--provisioned-duration", "-3"],
      /--provisioned-duration <time>' argument '-3' is invalid/,
    ],
    [["--format", "xml"], /--format <format>' argument 'xml' is invalid/],
  ])("%j", (extra, message) => {
    expectOneLineExit2([...OK, ...extra], message);
  });

  it.each([
    [["--provisioned-hours", "10"], /--provisioned-hours needs --provisioned-concurrency N/],
    [["--provisioned-requests", "1M"], /--provisioned-requests needs --provisioned-concurrency N/],
    [
      ["--provisioned-duration", "50ms"],
      /--provisioned-duration needs --provisioned-concurrency N/,
    ],
    [["--cold-start-rate", "0.1"], /--cold-start-rate needs --init-duration too/],
    [["--init-duration", "300ms"], /--init-duration needs --cold-start-rate too/],
  ])("flags that need another: %j", (extra, message) => {
    expectOneLineExit2([...OK, ...extra], message);
  });

  it.each([
    [
      ["--duration", "1", "--requests", "1"],
      /--memory is required \(e\.g\. --memory 1536\), or give --scenario FILE/,
    ],
    [["--memory", "128", "--requests", "1"], /--duration is required/],
    [["--memory", "128", "--duration", "1"], /--requests is required/],
  ])("missing: %j", (args, message) => {
    expectOneLineExit2(args, message);
  });

  it("names an unknown --region and lists the known ones", () => {
    expectOneLineExit2(
      [...OK, "--region", "mars-1"],
      /--region "mars-1" is not a region in the price table; known regions: af-south-1, .*us-east-1, us-east-2, us-west-1, us-west-2\n$/,
    );
  });
  it("names an unknown AWS_REGION", () => {
    expectOneLineExit2(
      OK,
      /AWS_REGION "xx-north-9" is not a region in the price table; known regions: /,
      { AWS_REGION: "xx-north-9" },
    );
  });
  it("says when the region has no price for what was asked", () => {
    expectOneLineExit2(
      [...OK, "--region", "il-central-1", "--provisioned-concurrency", "1"],
      /no provisioned-concurrency price for x86_64 in il-central-1/,
    );
    expectOneLineExit2(
      [...OK, "--region", "ca-west-1", "--arch", "arm64"],
      /no arm64 prices for ca-west-1/,
    );
  });
});

describe("estimate: bad scenario files exit 2 with one line", () => {
  const fn = { memoryMb: 128, requests: 1, duration: 1 };
  it.each([
    ["missing", join(dir, "nope.json"), /--scenario .*nope\.json: cannot read it \(no such file\)/],
    ["a directory", dir, /cannot read it \(is a directory\)/],
    ["not JSON", file("broken.json", "{ functions: "), /broken\.json: not valid JSON \(/],
    [
      "not YAML",
      file("broken.yaml", "functions:\n  - memoryMb: [1\n"),
      /broken\.yaml: not valid YAML \(/,
    ],
    [
      "no functions",
      file("empty.json", '{"functions": []}'),
      /functions must have at least 1 item\(s\) \(got \[\]\)/,
    ],
    [
      "a bad memory",
      file("memory.json", JSON.stringify({ functions: [{ ...fn, memoryMb: 64 }] })),
      /functions\[0\]\.memoryMb must be a whole number from 128 to 10240 \(got 64\)/,
    ],
    [
      "a bad storage",
      file(
        "storage.yaml",
        "functions:\n  - {memoryMb: 128, requests: 1, duration: 1, ephemeralStorageMb: 100}\n",
      ),
      /functions\[0\]\.ephemeralStorageMb must be a whole number from 512 to 10240 \(got 100\)/,
    ],
    [
      "an unknown field",
      file("typo.json", JSON.stringify({ functions: [{ ...fn, memory: 128 }] })),
      /functions\[0\] has unknown field\(s\) memory/,
    ],
    [
      "a count that does not parse",
      file("count.json", JSON.stringify({ functions: [{ ...fn, requests: "lots" }] })),
      /functions\[0\]\.requests "lots" is not a count/,
    ],
    [
      "a negative duration",
      file("neg.json", JSON.stringify({ functions: [{ ...fn, duration: -5 }] })),
      /functions\[0\]\.duration must be at least 0 \(got -5\)/,
    ],
    [
      "an unknown architecture",
      file("arch.json", JSON.stringify({ functions: [{ ...fn, architecture: "sparc" }] })),
      /functions\[0\]\.architecture must be one of "x86_64", "arm64" \(got "sparc"\)/,
    ],
    [
      "an unknown region",
      file("region.json", JSON.stringify({ functions: [fn, { ...fn, region: "xx-1" }] })),
      /functions\[1\]\.region "xx-1" is not a region in the price table; known regions: /,
    ],
    [
      "PC without concurrency",
      file("pc.json", JSON.stringify({ functions: [{ ...fn, provisioned: { hours: 5 } }] })),
      /functions\[0\]\.provisioned\.concurrency must be a whole number from 1 to 1000000 \(got nothing\)/,
    ],
    [
      "a cold-start rate without init",
      file("cold.json", JSON.stringify({ functions: [{ ...fn, coldStartRate: 0.1 }] })),
      /functions\[0\]\.initDuration must be given with coldStartRate/,
    ],
  ])("%s", (_label, path, message) => {
    expectOneLineExit2(["--scenario", path], message);
  });

  it("refuses function flags next to --scenario", () => {
    const path = file("ok.json", JSON.stringify({ functions: [fn] }));
    expectOneLineExit2(
      ["--scenario", path, "--memory", "512"],
      /--memory cannot be combined with --scenario/,
    );
  });
});
