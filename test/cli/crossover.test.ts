/**
 * `crossover` output: the JSON contract, the table, the CSV, and the Spot / arm64 / Savings
 * Plans / region paths. The table case spawns the built bin; the rest run in-process through
 * the CLI's entry function (runCli), which the bin only wraps. Dollar figures are computed by hand in the
 * comments (see test/unit/crossover-scenarios.test.ts for the long form).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { runBin } from "./run-cli.js";
import { runInProcess } from "./run-in-process.js";

const BASE = ["crossover", "--memory", "512", "--duration", "120ms", "--requests", "50M"];
const ENV = { AWS_REGION: undefined, AWS_DEFAULT_REGION: undefined };

async function json(args: string[]) {
  const { code, stdout, stderr } = await runInProcess([...args, "--format", "json"], ENV);
  expect(stderr).toBe("");
  expect(code).toBe(0);
  return JSON.parse(stdout);
}

describe("crossover --help", () => {
  it("lists exactly the issue's flags", async () => {
    const { code, stdout } = await runInProcess(["crossover", "--help"]);
    expect(code).toBe(0);
    for (const flag of [
      "--memory",
      "--duration",
      "--requests",
      "--region",
      "--arch",
      "--cpu-bound-fraction",
      "--cpu-seconds-per-request",
      "--peak-to-average",
      "--target-utilization",
      "--min-instances",
      "--fargate-task",
      "--fargate-arch",
      "--fargate-spot",
      "--ec2-types",
      "--include-burstable",
      "--savings-plan",
      "--no-free-tier",
      "--format",
      "--runtime",
      "--lmi-types",
      "--lmi-arch",
      "--lmi-memory-per-vcpu",
      "--lmi-min-instances",
      "--lmi-instances",
    ]) {
      expect(stdout).toContain(flag);
    }
  });
});

describe("crossover --format json (the issue's example)", () => {
  // biome-ignore lint/suspicious/noExplicitAny: the parsed JSON document under test
  let out: any;
  beforeAll(async () => {
    out = await json(BASE);
  });

  it("has the contract's fields with hand-computed values", () => {
    // Lambda: (50M − 1M) × $0.0000002 + (3,000,000 − 400,000) GB-s × $0.0000166667 = 9.80 + 43.33342
    expect(out.lambda.monthlyCost).toBe(53.13342);
    // Fargate: ceil(2.2027 vCPUs / 1) = 3 tasks × 730 × 0.04937 = 3 × 36.0401
    expect(out.fargate.tasks).toBe(3);
    expect(out.fargate.monthlyCost).toBe(108.1203);
    // EC2: 2 × c7g.large × 730 × 0.0725
    expect(out.ec2).toMatchObject({
      instanceType: "c7g.large",
      instances: 2,
      monthlyCost: 105.85,
    });
    expect(out.breakEven.fargateRequestsPerMonth).toBeNull();
    expect(out.breakEven.ec2RequestsPerMonth).toBe(226_242_690);
    expect(out.breakEven.ec2AverageRps).toBe(86.089304);
    expect(out.cheapest).toBe("lambda");
  });

  it("writes money as JSON numbers with their exact decimal digits", async () => {
    const { stdout } = await runInProcess([...BASE, "--format", "json"], ENV);
    expect(stdout).toContain('"monthlyCost": 53.13342');
    expect(stdout).not.toMatch(/"monthlyCost": "/);
  });

  it("states its assumptions and sweeps 1M–10B", () => {
    expect(out.assumptions.length).toBeGreaterThanOrEqual(7);
    expect(out.sweep.map((r: { monthlyRequests: number }) => r.monthlyRequests)).toEqual([
      1e6, 2e6, 5e6, 1e7, 2e7, 5e7, 1e8, 2e8, 5e8, 1e9, 2e9, 5e9, 1e10,
    ]);
    // 1M requests: all free for Lambda; Fargate's minimum 2 tasks = 2 × 36.0401
    expect(out.sweep[0]).toMatchObject({
      lambda: 0,
      fargate: 72.0802,
      fargateTasks: 2,
      cheapest: "lambda",
    });
  });
});

describe("crossover paths", () => {
  it("Fargate Spot wins from 7,022,538 requests (1769 MB, 100 ms, no free tier)", async () => {
    // 2 tasks × 36.0401 × 0.3 = 21.62406; Lambda $0.00000307923… a request
    const out = await json([
      "crossover",
      "--memory",
      "1769",
      "--duration",
      "100ms",
      "--requests",
      "300M",
      "--no-free-tier",
      "--fargate-spot",
    ]);
    expect(out.fargate.spot).toBe(true);
    expect(out.breakEven.fargateRequestsPerMonth).toBe(7_022_538);
    expect(out.caveats.join("\n")).toContain("Fargate Spot discount 70%");
  });

  it("arm64 Lambda and Fargate", async () => {
    const out = await json([...BASE, "--arch", "arm64", "--fargate-arch", "arm64"]);
    // 9.80 + 2,600,000 × 0.0000133334 = 44.46684; 3 × 730 × (0.03238 + 2 × 0.00356) = 86.505
    expect(out.lambda.monthlyCost).toBe(44.46684);
    expect(out.fargate.monthlyCost).toBe(86.505);
  });

  it("compute-3yr Savings Plans make EC2 the cheapest at 50M", async () => {
    const out = await json([...BASE, "--savings-plan", "compute-3yr"]);
    // 9.80 + 43.33342 × 0.83 = 45.7667386; EC2 2 × 52.925 × 0.34 = 35.989
    expect(out.lambda.monthlyCost).toBe(45.7667386);
    expect(out.ec2.monthlyCost).toBe(35.989);
    expect(out.cheapest).toBe("ec2");
  });

  it("eu-central-1 has no EC2 prices: EC2 is left out and said so", async () => {
    const out = await json([...BASE, "--region", "eu-central-1"]);
    expect(out.ec2).toMatchObject({ instanceType: null, instances: null, monthlyCost: null });
    expect(out.breakEven.ec2Status).toBe("unavailable");
    expect(out.breakEven.ec2RequestsPerMonth).toBeNull();
    // 3 × 730 × (0.04656 + 2 × 0.00511) = 3 × 41.4494
    expect(out.fargate.monthlyCost).toBe(124.3482);
  });
});

describe("crossover --format table", () => {
  it("shows costs, fleets, break-even, the sweep, a chart and the assumptions", () => {
    const { code, stdout } = runBin(BASE, { env: ENV });
    expect(code).toBe(0);
    for (const needle of [
      "$53.13",
      "$108.12",
      "3 tasks",
      "$105.85",
      "2 instances",
      "226,242,690 requests a month (86.09 rps average)",
      "with c7g.large; at every volume from 1,725,781,858",
      "never below 1e12",
      "Sweep",
      "10B",
      "cheapest L",
      "Assumptions:",
      "730 hours",
    ]) {
      expect(stdout).toContain(needle);
    }
    expect(stdout).not.toContain("\u001b["); // NO_COLOR: no escape codes
  });
});

describe("crossover --format csv", () => {
  it("is one table with a kind column", async () => {
    const { code, stdout } = await runInProcess([...BASE, "--format", "csv"], ENV);
    expect(code).toBe(0);
    const lines = stdout.trim().split("\n");
    expect(lines[0]).toBe(
      "kind,monthlyRequests,averageRps,lambda,fargate,fargateTasks,ec2,ec2InstanceType,ec2Instances,cheapest,note,managedInstances,managedInstancesType,managedInstancesCount",
    );
    // LMI: ceil(2.2027 vCPUs / 1 environment) = 3 × c7g.large × 730 × 0.0725 × 1.15
    // = 182.59125, + 50M × $0.20/1M = 10
    expect(lines[1]).toBe(
      "volume,50000000,19.025875,53.13342,108.1203,3,105.85,c7g.large,2,lambda,,192.59125,c7g.large,3",
    );
    expect(lines.filter((l) => l.startsWith("sweep,"))).toHaveLength(13);
    expect(lines.some((l) => l.startsWith("break-even-ec2,226242690,"))).toBe(true);
    expect(lines.filter((l) => l.startsWith("assumption,")).length).toBeGreaterThanOrEqual(7);
  });
});
