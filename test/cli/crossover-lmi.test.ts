/**
 * `crossover` and Lambda Managed Instances from the command line, in-process through the CLI's
 * entry function (runCli; crossover.test.ts spawns the bin once): AWS's sample LMI calculator's
 * published cost figures reproduced from its instance counts (--lmi-instances), the JSON
 * `managedInstances` contract, and bad LMI input (exit 2, one line naming what is allowed).
 *
 * AWS's sample LMI calculator (https://aws-samples.github.io/sample-aws-lambda-managed-instances/,
 * tests/test-cases.json) prices Python, 512 MB, 60 s, 1M requests a month on c7g.xlarge; it
 * sizes 14 instances for its "balanced", 8 for "IO-heavy" and 26 for "CPU-heavy" workload, and
 * publishes (on-demand): EC2 = instances × $0.145 × 730, fee = 15% of that, requests = $0.20.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { runInProcess } from "./run-in-process.js";

const ENV = { AWS_REGION: undefined, AWS_DEFAULT_REGION: undefined };
const CALCULATOR = [
  ...["crossover", "--memory", "512", "--duration", "60s", "--requests", "1M", "--arch", "arm64"],
  ...["--runtime", "python", "--lmi-types", "c7g.xlarge", "--format", "json"],
];

async function json(args: string[]) {
  const { code, stdout, stderr } = await runInProcess(args, ENV);
  expect(stderr).toBe("");
  expect(code).toBe(0);
  return JSON.parse(stdout);
}

describe("AWS's sample LMI calculator, from its instance counts", () => {
  it.each([
    // balanced: 14 × 0.145 × 730 = 1,481.90; 0.15 × 1,481.90 = 222.285; + 0.20 = 1,704.385
    ["balanced", 14, 1481.9, 222.285, 1704.385],
    // IO-heavy: 8 × 0.145 × 730 = 846.80; 0.15 × 846.80 = 127.02; + 0.20 = 974.02
    ["IO-heavy", 8, 846.8, 127.02, 974.02],
    // CPU-heavy: 26 × 0.145 × 730 = 2,752.10; 0.15 × 2,752.10 = 412.815; + 0.20 = 3,165.115
    ["CPU-heavy", 26, 2752.1, 412.815, 3165.115],
  ])("%s: %i × c7g.xlarge", async (_name, instances, ec2, fee, total) => {
    const out = await json([...CALCULATOR, "--lmi-instances", String(instances)]);
    expect(out.managedInstances).toMatchObject({
      instanceType: "c7g.xlarge",
      instances,
      instanceCost: ec2,
      managementFee: fee,
      requestCost: 0.2,
      monthlyCost: total,
      sizedBy: "given",
      fixedInstances: instances,
      runtime: "python",
      maxConcurrencyPerVcpu: 16,
    });
  });
});

describe("crossover --format json: the managedInstances object", () => {
  // biome-ignore lint/suspicious/noExplicitAny: the parsed JSON document under test
  let out: any;
  beforeAll(async () => {
    out = await json([
      ...["crossover", "--memory", "512", "--duration", "120ms", "--requests", "50M"],
      ...["--format", "json"],
    ]);
  });

  it("is shaped like ec2, with the bill lines, candidates and break-even", () => {
    const m = out.managedInstances;
    // 50M at 0.0347 vCPU-s, peak 2×, 60%: 2.2027 vCPUs; a c7g.large holds 1 environment, so
    // ceil(2.2027) = 3 instances (CPU; the minimum is also 3): 3 × 730 × 0.0725 = 158.775;
    // fee 0.15 × 158.775 = 23.81625; requests 50 × $0.20 = 10; total 192.59125
    expect(m).toMatchObject({
      instanceType: "c7g.large",
      instances: 3,
      instanceCost: 158.775,
      managementFee: 23.81625,
      requestCost: 10,
      monthlyCost: 192.59125,
      sizedBy: "cpu",
      unavailable: null,
    });
    expect(m.candidates).toHaveLength(12);
    const c7gLarge = m.candidates.find(
      (c: { instanceType: string }) => c.instanceType === "c7g.large",
    );
    // one instance a month: 730 × 0.0725 = 52.925, × 1.15 = 60.86375
    expect(c7gLarge).toMatchObject({ environmentsPerInstance: 1, instanceMonthlyCost: 60.86375 });
    expect(Object.keys(m.breakEven)).toEqual(
      expect.arrayContaining(["status", "requestsPerMonth", "steadyFromRequestsPerMonth"]),
    );
    expect(out.breakEven).toHaveProperty("managedInstancesStatus");
    expect(out.breakEven).toHaveProperty("managedInstancesRequestsPerMonth");
    expect(out.sweep[0]).toHaveProperty("managedInstances");
    expect(out.assumptions.join("\n")).toMatch(/15% of the ON-DEMAND instance price/);
    expect(out.assumptions.join("\n")).toMatch(/LMI requests are charged from the first one/);
  });
});

describe("crossover: bad LMI input exits 2 with one line naming what is allowed", () => {
  const BASE = ["crossover", "--memory", "512", "--duration", "120ms", "--requests", "50M"];
  it.each([
    [
      ["--runtime", "ruby"],
      /--runtime "ruby" is not a known value; use one of: nodejs, python, java, dotnet/,
    ],
    [
      ["--lmi-instances", "0"],
      /--lmi-instances "0" is below 1; use a whole number from 1 to 100000/,
    ],
    [
      ["--lmi-memory-per-vcpu", "3"],
      /--lmi-memory-per-vcpu "3" is not a known value; use one of: 2, 4, 8/,
    ],
    [["--lmi-arch", "sparc"], /--lmi-arch "sparc" is not a known value; use one of: x86_64, arm64/],
    [
      ["--lmi-types", "x9.huge"],
      /--lmi-types x9\.huge is not in pricing\/ec2\.json; LMI can use the arm64 types with at least 2 vCPUs: m7g\.large, /,
    ],
    [["--lmi-types", "c7i.xlarge"], /--lmi-types c7i\.xlarge is x86_64, not arm64 \(--lmi-arch\)/],
  ])("%j", async (flags, message) => {
    const { code, stdout, stderr } = await runInProcess([...BASE, ...flags], ENV);
    expect(stdout).toBe("");
    expect(stderr.trim().split("\n"), stderr).toHaveLength(1);
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(code).toBe(2);
  });
});
