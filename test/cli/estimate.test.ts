/**
 * `lambda-cost estimate` as a user runs it, table / JSON / CSV: the first case through the built
 * bin, the rest in-process through the CLI's entry function (runCli), which the bin only wraps.
 * Every figure is AWS's published one or a hand computation in the comment (prices: the AWS
 * Lambda pricing page).
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runBin } from "./run-cli.js";
import { runInProcess } from "./run-in-process.js";

const SCENARIO = fileURLToPath(new URL("../fixtures/estimate-scenario.yaml", import.meta.url));
const MOBILE = ["estimate", "--memory", "1536", "--duration", "120ms", "--requests", "3M"];

describe("estimate, AWS's mobile-backend example (3M × 120 ms × 1536 MB, us-east-1)", () => {
  it("table: lines and total in cents, free tier shown", () => {
    const { code, stdout, stderr } = runBin(MOBILE, {
      env: { AWS_REGION: "", AWS_DEFAULT_REGION: "" },
    });
    expect(stderr).toBe("");
    expect(code).toBe(0);
    // AWS: requests $0.40, compute $2.33, total $2.73.
    expect(stdout).toMatch(
      /│ Requests +│ 2,000,000 \(\+1,000,000 free\) │ requests │ +\$0\.0000002 │ \$0\.40 │/,
    );
    expect(stdout).toMatch(
      /│ Duration \(tier 1\) │ +140,000 \(\+400,000 free\) │ GB-s +│ \$0\.0000166667 │ \$2\.33 │/,
    );
    expect(stdout).toMatch(/│ Total \(per month\) │.*│ \$2\.73 │/);
    expect(stdout).toContain("us-east-1, x86_64; prices as of 2026-09-28");
    expect(stdout).toContain(
      "Free tier applied once for the account: 1,000,000 requests and 400,000 GB-s",
    );
  });

  it("json: the contract, total unrounded", async () => {
    const { code, stdout } = await runInProcess([...MOBILE, "--format", "json"]);
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    // 0.4 + 140,000 × 0.0000166667 (2.333338) = 2.733338
    expect(report).toMatchObject({
      currency: "USD",
      region: "us-east-1",
      total: 2.733338,
      priceTableAsOf: "2026-09-28",
      assumptions: {
        freeTier: true,
        freeTierUsed: { requests: 1000000, gbSeconds: 400000 },
        caveats: [],
      },
    });
    expect(report.lines).toEqual([
      expect.objectContaining({
        name: "Requests",
        quantity: 2000000,
        unit: "requests",
        unitPrice: 0.0000002,
        cost: 0.4,
        freeTierQuantity: 1000000,
      }),
      expect.objectContaining({
        name: "Duration (tier 1)",
        quantity: 140000,
        unit: "GB-s",
        unitPrice: 0.0000166667,
        cost: 2.333338,
        freeTierQuantity: 400000,
      }),
    ]);
    // Written from the exact decimal, not through a float.
    expect(stdout).toContain('"unitPrice": 0.0000166667');
  });

  it("csv: header and one row per line, exact decimals", async () => {
    const { code, stdout } = await runInProcess([...MOBILE, "--format", "csv"]);
    expect(code).toBe(0);
    expect(stdout.trim().split("\n")).toEqual([
      "function,region,architecture,name,quantity,unit,unitPrice,cost,freeTierQuantity",
      ",us-east-1,x86_64,Requests,2000000,requests,0.0000002,0.4,1000000",
      ",us-east-1,x86_64,Duration (tier 1),140000,GB-s,0.0000166667,2.333338,400000",
    ]);
  });

  it("--no-free-tier bills everything: 0.6 + 540,000 × 0.0000166667 = 9.600018", async () => {
    const { stdout } = await runInProcess([...MOBILE, "--no-free-tier", "--format", "json"]);
    const report = JSON.parse(stdout);
    expect(report.total).toBe(9.600018);
    expect(report.assumptions.freeTier).toBe(false);
  });
});

describe("estimate flags", () => {
  it("takes the region from AWS_REGION, and --region over it", async () => {
    // af-south-1: 1M × 0.00000027 = 0.27; 1M × 0.1 s × 1 GB = 100,000 GB-s × 0.0000221 = 2.21
    const args = [
      "estimate",
      "--memory",
      "1024",
      "--duration",
      "100",
      "--requests",
      "1M",
      "--no-free-tier",
      "--format",
      "json",
    ];
    expect(
      JSON.parse((await runInProcess(args, { AWS_REGION: "af-south-1" })).stdout),
    ).toMatchObject({
      region: "af-south-1",
      total: 2.48,
    });
    expect(
      JSON.parse(
        (await runInProcess([...args, "--region", "us-east-1"], { AWS_REGION: "af-south-1" }))
          .stdout,
      ).region,
    ).toBe("us-east-1");
  });

  it("prices arm64, storage, INIT and PC from flags", async () => {
    const { code, stdout } = await runInProcess([
      "estimate",
      "--arch",
      "arm64",
      "--memory",
      "2048",
      "--duration",
      "1s",
      "--requests",
      "1M",
      "--ephemeral-storage",
      "1536",
      "--cold-start-rate",
      "0.1",
      "--init-duration",
      "500ms",
      "--provisioned-concurrency",
      "1",
      "--provisioned-hours",
      "100",
      "--provisioned-requests",
      "10k",
      "--no-free-tier",
      "--format",
      "json",
    ]);
    expect(code).toBe(0);
    const cost = Object.fromEntries(
      JSON.parse(stdout).lines.map((l: { name: string; cost: number }) => [l.name, l.cost]),
    );
    // us-east-1 arm64, 2 GB:
    // requests (1M + 10k) × 0.0000002 = 0.202
    // duration 1M × 1 s × 2 GB = 2,000,000 GB-s × 0.0000133334 = 26.6668
    // INIT 1M × 0.1 × 0.5 s × 2 GB = 100,000 GB-s × 0.0000133334 = 1.33334
    // PC 1 × 2 GB × 360,000 s = 720,000 GB-s × 0.0000033334 = 2.400048
    // PC duration (defaults to --duration) 10k × 1 s × 2 GB = 20,000 × 0.0000077778 = 0.155556
    // storage 1 GB × (1,000,000 + 50,000 + 10,000) s = 1,060,000 × 0.0000000309 = 0.032754
    expect(cost).toEqual({
      Requests: 0.202,
      "Duration (tier 1)": 26.6668,
      "INIT duration (tier 1)": 1.33334,
      "Provisioned concurrency": 2.400048,
      "Provisioned duration": 0.155556,
      "Ephemeral storage": 0.032754,
    });
  });

  it("--help lists every flag", async () => {
    const { code, stdout } = await runInProcess(["estimate", "--help"]);
    expect(code).toBe(0);
    for (const flag of [
      "--memory",
      "--duration",
      "--requests",
      "--region",
      "--arch",
      "--ephemeral-storage",
      "--cold-start-rate",
      "--init-duration",
      "--provisioned-concurrency",
      "--provisioned-hours",
      "--provisioned-requests",
      "--provisioned-duration",
      "--no-free-tier",
      "--scenario",
      "--format",
    ]) {
      expect(stdout).toContain(flag);
    }
  });

  it("prints a caveat when it uses a partial region", async () => {
    const { stdout } = await runInProcess([
      "estimate",
      "--region",
      "ca-west-1",
      "--memory",
      "128",
      "--duration",
      "1",
      "--requests",
      "1",
    ]);
    expect(stdout).toContain("Caveat: Partial price data for ca-west-1");
  });
});

describe("estimate --scenario", () => {
  it("prices three functions in two regions as one account", async () => {
    const { code, stdout, stderr } = await runInProcess([
      "estimate",
      "--scenario",
      SCENARIO,
      "--format",
      "json",
    ]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    // api (us-east-1 x86, takes the whole free tier): 0.4 + 2.333338
    // worker (eu-west-1 x86, 2 GB): requests 600k × 0.0000002 = 0.12; 1,500,000 GB-s × 0.0000166667
    //   = 25.00005; INIT 40,000 GB-s → 0.666668; PC 2 × 2 × 720,000 s = 2,880,000 × 0.000004646
    //   = 13.38048; PC duration 180,000 × 0.0000108407 = 1.951326; storage 0.5 GB × 860,000 s
    //   = 430,000 × 0.000000034 = 0.01462
    // thumbs (us-east-1 arm64, 0.5 GB): 0.4 + 300,000 × 0.0000133334 = 4.00002
    // total 48.266502
    expect(report.total).toBe(48.266502);
    expect(report.region).toBe("multiple");
    expect(report.regions).toEqual(["us-east-1", "eu-west-1"]);
    expect(new Set(report.lines.map((l: { function: string }) => l.function))).toEqual(
      new Set(["api", "worker", "thumbs"]),
    );
  });

  it("renders the table with each line's function, region and architecture", async () => {
    const { stdout } = await runInProcess(["estimate", "--scenario", SCENARIO]);
    expect(stdout).toMatch(
      /│ worker \(eu-west-1, x86_64\) +│ Provisioned concurrency +│ +2,880,000 │ GB-s +│ +\$0\.000004646 │ \$13\.38 │/,
    );
    expect(stdout).toMatch(/│ Total \(per month\) +│.*│ \$48\.27 │/);
  });

  it("reads JSON too, and freeTier: false in the file or --no-free-tier turns the free tier off", async () => {
    const dir = mkdtempSync(join(tmpdir(), "lambda-cost-scenario-"));
    const fn = { memoryMb: 1024, requests: "1M", duration: "400ms" };
    const off = join(dir, "off.json");
    writeFileSync(off, JSON.stringify({ freeTier: false, functions: [fn] }));
    const on = join(dir, "on.json");
    writeFileSync(on, JSON.stringify({ functions: [fn] }));
    const total = async (args: string[]) =>
      JSON.parse((await runInProcess(["estimate", ...args, "--format", "json"])).stdout).total;
    // 1M × 0.4 s × 1 GB = 400,000 GB-s and 1M requests: exactly the free tier.
    expect(await total(["--scenario", on])).toBe(0);
    // 0.2 + 400,000 × 0.0000166667 = 6.86668
    expect(await total(["--scenario", off])).toBe(6.86668);
    expect(await total(["--scenario", on, "--no-free-tier"])).toBe(6.86668);
  });

  it("csv has one row per line", async () => {
    const { stdout } = await runInProcess(["estimate", "--scenario", SCENARIO, "--format", "csv"]);
    const rows = stdout.trim().split("\n");
    expect(rows).toHaveLength(11);
    expect(rows[6]).toBe(
      "worker,eu-west-1,x86_64,Provisioned concurrency,2880000,GB-s,0.000004646,13.38048,",
    );
  });
});
