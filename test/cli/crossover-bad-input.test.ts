/**
 * `crossover` rejects bad input with exit 2 and one line saying what is wrong and what is
 * allowed: its own flags and everything `estimate` rejects. Spawns the built bin
 * (`npm run build` first when running this file alone).
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, runBin } from "./run-cli.js";

const BASE = ["crossover", "--memory", "512", "--duration", "120ms", "--requests", "50M"];
const ENV = { AWS_REGION: undefined, AWS_DEFAULT_REGION: undefined };

function expectOneLineExit2(args: string[], message: RegExp) {
  const { code, stdout, stderr } = runBin(args, { env: ENV });
  expect(stdout).toBe("");
  expect(stderr.trim().split("\n"), stderr).toHaveLength(1);
  expect(stderr).toMatch(message);
  expect(stderr).not.toMatch(/\n\s+at /);
  expect(code).toBe(2);
}

describe("crossover: its own bad flags exit 2 with one line", () => {
  it.each([
    [
      ["--cpu-bound-fraction", "0"],
      /CPU-bound fraction must be a number greater than 0 and at most 1; got "0"/,
    ],
    [
      ["--cpu-bound-fraction", "1.5"],
      /CPU-bound fraction must be a number greater than 0 and at most 1; got "1.5"/,
    ],
    [
      ["--target-utilization", "0"],
      /target utilization must be a number greater than 0 and at most 1/,
    ],
    [
      ["--target-utilization", "1.01"],
      /target utilization must be a number greater than 0 and at most 1/,
    ],
    [["--peak-to-average", "0.5"], /peak-to-average must be a number of at least 1/],
    [["--peak-to-average", "abc"], /peak-to-average must be a number of at least 1/],
    [
      ["--cpu-seconds-per-request", "0"],
      /CPU seconds per request must be a number of vCPU-seconds greater than 0/,
    ],
    [["--min-instances", "0"], /min-instances must be a whole number from 1 to 100000/],
    [["--min-instances", "2.5"], /min-instances must be a whole number/],
    [
      ["--fargate-task", "1vcpu-1gb"],
      /"1vcpu-1gb" is not a valid Fargate task size; valid sizes: 0\.25vcpu-\{0\.5,1,2\}gb, 0\.5vcpu-\{1\.\.4\}gb, 1vcpu-\{2\.\.8\}gb, 2vcpu-\{4\.\.16\}gb, 4vcpu-\{8\.\.30\}gb, 8vcpu-\{16\.\.60 by 4\}gb, 16vcpu-\{32\.\.120 by 8\}gb/,
    ],
    [["--fargate-task", "huge"], /not a valid Fargate task size; valid sizes:/],
    [
      ["--fargate-arch", "sparc"],
      /unknown Fargate architecture "sparc"; use one of: x86_64, arm64/,
    ],
    [
      ["--ec2-types", "x9.huge"],
      /unknown EC2 instance type "x9.huge"; pricing\/ec2.json knows: t4g\.nano/,
    ],
    [["--ec2-types", ","], /EC2 types must be a comma-separated list/],
    [
      ["--ec2-types", "t4g.large"],
      /t4g\.large is a burstable type that sustains only 30% of each vCPU; add --include-burstable/,
    ],
    [
      ["--region", "eu-central-1", "--ec2-types", "m7g.large"],
      /pricing\/ec2.json has no EC2 prices for eu-central-1, so m7g\.large cannot be priced there; priced regions: us-east-1/,
    ],
    [
      ["--region", "eu-central-1", "--fargate-arch", "arm64"],
      /no Fargate arm64 price for eu-central-1 .*priced: us-east-1 \(x86_64, arm64\), eu-central-1 \(x86_64\)/,
    ],
    [
      ["--fargate-spot", "--fargate-arch", "arm64"],
      /Fargate Spot does not run arm64 tasks \(Amazon ECS Developer Guide.*\); drop --fargate-spot or use --fargate-arch x86_64/,
    ],
    [["--region", "ap-south-1"], /no Fargate prices for ap-south-1; priced: us-east-1/],
    [["--savings-plan", "compute-5yr"], /savings-plan/],
    [["--format", "xml"], /format/],
  ])("%j", (extra, message) => {
    expectOneLineExit2([...BASE, ...extra], message);
  });
});

describe("crossover: what estimate rejects, crossover rejects", () => {
  it.each([
    [
      ["crossover", "--memory", "64", "--duration", "120ms", "--requests", "50M"],
      /memory must be a whole number from 128 to 10240; got "64"/,
    ],
    [
      ["crossover", "--memory", "10241", "--duration", "120ms", "--requests", "50M"],
      /memory must be a whole number from 128 to 10240/,
    ],
    [
      ["crossover", "--memory", "512", "--duration", "fast", "--requests", "50M"],
      /"fast" is not a duration/,
    ],
    [
      ["crossover", "--memory", "512", "--duration", "120ms", "--requests", "lots"],
      /"lots" is not a count/,
    ],
    [
      ["crossover", "--memory", "512", "--duration", "120ms", "--requests", "1.5"],
      /not a whole count/,
    ],
    [[...BASE, "--region", "mars-1"], /unknown region "mars-1"/],
    [[...BASE, "--arch", "sparc"], /unknown architecture "sparc"; use one of: x86_64, arm64/],
    [["crossover", "--duration", "120ms", "--requests", "50M"], /--memory is required/],
    [["crossover", "--memory", "512", "--requests", "50M"], /--duration is required/],
    [["crossover", "--memory", "512", "--duration", "120ms"], /--requests is required/],
    [[...BASE, "--bogus"], /unknown option '--bogus'/],
  ])("%j", (args, message) => {
    expectOneLineExit2(args, message);
  });
});

describe("crossover: a malformed shipped price file", () => {
  it("is a PricingDataError: exit 2, one line naming the file and field", () => {
    // A copy of the built bin beside a pricing/ directory with a broken fargate.json.
    const root = mkdtempSync(join(tmpdir(), "lambda-cost-bin-"));
    cpSync(dirname(BIN), join(root, "dist", "bin"), { recursive: true });
    cpSync(join(dirname(BIN), "..", "..", "pricing"), join(root, "pricing"), { recursive: true });
    writeFileSync(
      join(root, "pricing", "fargate.json"),
      JSON.stringify({ currency: "USD", asOf: "2026-11-26", regions: {}, spot: {} }),
    );
    const { code, stderr } = runBinAt(join(root, "dist", "bin", "lambda-cost.js"), BASE);
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).toMatch(/fargate\.json: Fargate price table is invalid: spot\.discountFraction/);
    expect(code).toBe(2);
  });
});

function runBinAt(bin: string, args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
