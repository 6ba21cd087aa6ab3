/**
 * Lambda Managed Instances in crossover: every figure against arithmetic written out here, from
 * the shipped pricing/ec2.json (c7g.xlarge: 4 vCPUs, 8 GiB, $0.145/h in us-east-1) and the
 * pinned model: vCPUs = max(P × CPU-s / target, P × duration / limit), environments per
 * instance = min(vCPUs − 1, floor((GiB − 1) / max(2, GiB per vCPU))), instances =
 * max(min, ceil(vCPUs / environments)), cost = instances × 730 × (price × (1 − discount) +
 * 0.15 × price) + requests × $0.20/1M.
 */
import { describe, expect, it } from "vitest";
import { crossoverWithShippedPrices } from "../../src/api/crossover.js";
import type { CrossoverInput } from "../../src/core/crossover/crossover.js";
import { environmentsPerInstance, lmiSizing } from "../../src/core/crossover/lmi-fleet.js";
import { UsageError } from "../../src/core/errors.js";
import { dec } from "../../src/core/money/index.js";
import { loadEc2PriceTable } from "../../src/prices/ec2-prices.js";
import { ISSUE_EXAMPLE } from "./crossover-fixtures.js";

const ec2 = loadEc2PriceTable();

/** 262,800,000 requests = 100 rps average; peak 2× = 200 rps; c7g.xlarge only. */
const BUSY: CrossoverInput = {
  ...ISSUE_EXAMPLE,
  monthlyRequests: 262_800_000,
  durationMs: 200,
  cpuSecondsPerRequest: 0.1,
  peakToAverage: 2,
  targetUtilization: 0.5,
  lmiTypes: ["c7g.xlarge"],
};

const lmiOf = (input: CrossoverInput) => crossoverWithShippedPrices(input).managedInstances;
const text = (d: { toFixed(): string } | null) => d?.toFixed() ?? null;

describe("environmentsPerInstance", () => {
  it.each([
    // min(2 − 1, floor((4 − 1) / 2)) = min(1, 1) = 1
    ["c7g.large", 2, 1],
    // min(4 − 1, floor((8 − 1) / 2)) = min(3, 3) = 3
    ["c7g.xlarge", 2, 3],
    // min(16 − 1, floor((32 − 1) / 2)) = min(15, 15) = 15
    ["c7g.4xlarge", 2, 15],
    // memory binds: min(8 − 1, floor((16 − 1) / 4)) = min(7, 3) = 3
    ["c7g.2xlarge", 4, 3],
    // nothing fits: min(3, floor(7 / 8)) = 0
    ["c7g.xlarge", 8, 0],
    // min(4 − 1, floor((16 − 1) / 4)) = min(3, 3) = 3
    ["m7g.xlarge", 4, 3],
    // min(16 − 1, floor((128 − 1) / 8)) = min(15, 15) = 15
    ["r7g.4xlarge", 8, 15],
    // environments get at least 2 GiB even at a smaller ratio: floor((4 − 1) / 2) = 1
    ["c7g.large", 1, 1],
  ])("%s at %i GiB per vCPU holds %i", (name, ratio, expected) => {
    expect(environmentsPerInstance(ec2.instanceTypes[name]!, ratio)).toBe(expected);
  });
});

describe("lmiSizing", () => {
  it("CPU binds when CPU-s / target exceeds duration / limit", () => {
    // 0.1 / 0.5 = 0.2 vCPU per rps > 0.2 s / 64 = 0.003125
    const work = { cpuSecondsPerRequest: dec("0.1"), peakToAverage: 2, targetUtilization: 0.5 };
    expect(lmiSizing(work, 200, "nodejs")).toEqual({ sizing: work, bound: "cpu" });
  });

  it("the concurrency limit binds when duration / limit is larger, at 100% (no target)", () => {
    // 0.01 / 0.5 = 0.02 < 2 s / 16 = 0.125 vCPU per rps
    const work = { cpuSecondsPerRequest: dec("0.01"), peakToAverage: 2, targetUtilization: 0.5 };
    const { sizing, bound } = lmiSizing(work, 2000, "python");
    expect(bound).toBe("concurrency");
    expect(sizing.cpuSecondsPerRequest.toFixed()).toBe("0.125");
    expect(sizing.targetUtilization).toBe(1);
  });
});

describe("LMI fleets and costs at the asked volume", () => {
  it("CPU sizes the fleet: 200 rps × 0.1 / 0.5 = 40 vCPUs → ceil(40 / 3) = 14 c7g.xlarge", () => {
    const lmi = lmiOf(BUSY);
    expect(lmi.sizedBy).toBe("cpu");
    expect(text(lmi.vcpusNeeded)).toBe("40");
    expect(lmi.instances).toBe(14);
    // 14 × 730 × 0.145 = 1,481.90; fee 0.15 × 1,481.90 = 222.285; 262.8M × $0.20/1M = 52.56
    expect(text(lmi.instanceCost)).toBe("1481.9");
    expect(text(lmi.managementFee)).toBe("222.285");
    expect(text(lmi.requestCost)).toBe("52.56");
    expect(text(lmi.monthlyCost)).toBe("1756.745");
  });

  it("the concurrency limit sizes the fleet: 200 rps × 2 s / 16 (python) = 25 vCPUs → 9 instances", () => {
    // CPU would need only 200 × 0.01 / 0.5 = 4 vCPUs
    const lmi = lmiOf({
      ...BUSY,
      durationMs: 2000,
      cpuSecondsPerRequest: 0.01,
      runtime: "python",
    });
    expect(lmi.sizedBy).toBe("concurrency");
    expect(lmi.maxConcurrencyPerVcpu).toBe(16);
    expect(text(lmi.vcpusNeeded)).toBe("25");
    // ceil(25 / 3) = 9: 9 × 730 × 0.145 = 952.65; fee 142.8975; requests 52.56
    expect(lmi.instances).toBe(9);
    expect(text(lmi.instanceCost)).toBe("952.65");
    expect(text(lmi.managementFee)).toBe("142.8975");
    expect(text(lmi.monthlyCost)).toBe("1148.1075");
  });

  it("the 3-instance minimum sizes a small fleet: 0.152 vCPUs would fit on one instance", () => {
    // 1M requests: 0.380518 rps × 2 × 0.1 / 0.5 = 0.152207 vCPUs → ceil(0.152 / 3) = 1 < 3
    const lmi = lmiOf({ ...BUSY, monthlyRequests: 1_000_000 });
    expect(lmi.sizedBy).toBe("minimum");
    expect(lmi.instances).toBe(3);
    // 3 × 730 × 0.145 = 317.55; fee 47.6325; 1M × $0.20/1M = 0.20 (no free tier for LMI)
    expect(text(lmi.instanceCost)).toBe("317.55");
    expect(text(lmi.managementFee)).toBe("47.6325");
    expect(text(lmi.requestCost)).toBe("0.2");
    expect(text(lmi.monthlyCost)).toBe("365.3825");
  });

  it("--lmi-min-instances moves the minimum: 5 instances", () => {
    const lmi = lmiOf({ ...BUSY, monthlyRequests: 1_000_000, lmiMinInstances: 5 });
    // 5 × 730 × 0.145 × 1.15 + 0.20 = 608.6375 + 0.20
    expect([lmi.instances, text(lmi.monthlyCost)]).toEqual([5, "608.8375"]);
  });

  it("a Savings Plan discounts the instance-hours, never the fee (charged on on-demand)", () => {
    // compute-1yr is 33% off in pricing/ec2.json: 317.55 × 0.67 = 212.7585; fee stays 47.6325
    const lmi = lmiOf({ ...BUSY, monthlyRequests: 1_000_000, savingsPlan: "compute-1yr" });
    expect(text(lmi.instanceCost)).toBe("212.7585");
    expect(text(lmi.managementFee)).toBe("47.6325");
    expect(text(lmi.monthlyCost)).toBe("260.591");
  });

  it("--no-free-tier leaves LMI's requests as they are (LMI has no request free tier)", () => {
    const lmi = lmiOf({ ...BUSY, monthlyRequests: 1_000_000, freeTier: false });
    expect(text(lmi.requestCost)).toBe("0.2");
  });

  it("a given fleet is priced as given, with a caveat when it is smaller than the work", () => {
    // 40 vCPUs needed; 10 × 3 = 30 environments
    const result = crossoverWithShippedPrices({ ...BUSY, lmiInstances: 10 });
    const lmi = result.managedInstances;
    expect([lmi.sizedBy, lmi.instances, lmi.fixedInstances]).toEqual(["given", 10, 10]);
    // 10 × 730 × 0.145 × 1.15 = 1,217.275; + 52.56
    expect(text(lmi.monthlyCost)).toBe("1269.835");
    expect(result.caveats.join("\n")).toContain(
      "--lmi-instances 10 × c7g.xlarge holds 30 one-vCPU environments, fewer than the 40 the peak needs",
    );
  });
});

describe("LMI candidates", () => {
  it("by default: the non-burstable arm64 types with ≥ 2 vCPUs priced in the region", () => {
    const names = lmiOf({ ...ISSUE_EXAMPLE }).candidates.map((c) => c.instanceType);
    expect(names.sort()).toEqual(
      "c7g.large c7g.xlarge c7g.2xlarge c7g.4xlarge m6g.large m7g.large m7g.xlarge m7g.2xlarge m7g.4xlarge r7g.xlarge r7g.2xlarge r7g.4xlarge"
        .split(" ")
        .sort(),
    );
  });

  it("--lmi-arch x86_64 takes the x86 types instead", () => {
    const names = lmiOf({ ...ISSUE_EXAMPLE, lmiArchitecture: "x86_64" }).candidates.map(
      (c) => c.instanceType,
    );
    expect(names.sort()).toEqual(
      "c7i.large c7i.xlarge c7i.2xlarge c7i.4xlarge m7i.large m7i.xlarge m7i.2xlarge m7i.4xlarge r7i.xlarge r7i.2xlarge r7i.4xlarge"
        .split(" ")
        .sort(),
    );
  });

  it("--lmi-memory-per-vcpu 8 leaves out the types with no room for an environment", () => {
    // c7g.large: floor(3 / 8) = 0; c7g.xlarge: floor(7 / 8) = 0; c7g.2xlarge: floor(15 / 8) = 1
    const lmi = lmiOf({ ...ISSUE_EXAMPLE, lmiMemoryPerVcpuGib: 8 });
    const names = lmi.candidates.map((c) => c.instanceType);
    expect(names).not.toContain("c7g.large");
    expect(names).not.toContain("c7g.xlarge");
    expect(lmi.candidates.find((c) => c.instanceType === "c7g.2xlarge")?.environments).toBe(1);
  });

  it.each([
    [
      { lmiTypes: ["x9.huge"] },
      /--lmi-types x9\.huge is not in pricing\/ec2\.json; LMI can use the arm64 types with at least 2 vCPUs: /,
    ],
    [{ lmiTypes: ["c7i.xlarge"] }, /--lmi-types c7i\.xlarge is x86_64, not arm64 \(--lmi-arch\)/],
    [{ lmiTypes: ["m7g.medium"] }, /m7g\.medium is burstable or has fewer than 2 vCPUs/],
    [{ lmiTypes: ["t4g.large"] }, /t4g\.large is burstable or has fewer than 2 vCPUs/],
    [
      { lmiTypes: ["c7g.xlarge"], lmiMemoryPerVcpuGib: 8 as const },
      /c7g\.xlarge has no room for one 8 GiB-per-vCPU environment/,
    ],
    [{ runtime: "ruby" }, /--runtime must be one of nodejs, python, java, dotnet; got "ruby"/],
    [{ lmiInstances: 0 }, /--lmi-instances must be a whole number from 1 to 100000; got 0/],
    [{ lmiMemoryPerVcpuGib: 3 }, /--lmi-memory-per-vcpu must be 2, 4 or 8 \(GiB per vCPU\); got 3/],
  ])("%o is a UsageError naming what is allowed", (change, message) => {
    const input = { ...ISSUE_EXAMPLE, ...change } as CrossoverInput;
    expect(() => crossoverWithShippedPrices(input)).toThrow(UsageError);
    expect(() => crossoverWithShippedPrices(input)).toThrow(message);
  });
});

describe("LMI where the price data is thin", () => {
  it("a region without EC2 prices leaves LMI out, unless types are named (then an error)", () => {
    const input = { ...ISSUE_EXAMPLE, region: "eu-central-1" };
    const lmi = lmiOf(input);
    expect(lmi.unavailable).toMatch(/no EC2 prices for eu-central-1; LMI is left out/);
    expect([lmi.monthlyCost, lmi.instances, lmi.breakEven.status]).toEqual([null, null, "never"]);
    expect(() => lmiOf({ ...input, lmiTypes: ["c7g.xlarge"] })).toThrow(
      /no EC2 prices for eu-central-1, so LMI cannot be priced there; priced regions: us-east-1/,
    );
  });

  it("an unverified price is flagged in the caveats when it is the chosen type", () => {
    const result = crossoverWithShippedPrices({
      ...ISSUE_EXAMPLE,
      lmiArchitecture: "x86_64",
      lmiTypes: ["m7i.4xlarge"],
    });
    expect(result.caveats.join("\n")).toMatch(
      /The m7i\.4xlarge price is not verified .*UNVERIFIED/,
    );
  });
});

describe("LMI break-even against Lambda", () => {
  it("a fixed fleet wins from the first volume where Lambda's duration pays for it", () => {
    // Lambda x86 1024 MB, 100 ms, no free tier: $0.20/1M + 0.1 GB-s × $0.0000166667 a request.
    // LMI: 3 × c7g.xlarge = 3 × 730 × 0.145 × 1.15 = $365.1825 + $0.20/1M a request.
    // The request charges cancel: n × 0.00000166667 ≥ 365.1825 ⇔ n ≥ 219,109,061.78…
    // (219,109,062 × 0.00000166667 = 365.18250036…; 219,109,061 × … = 365.18249869…)
    const lmi = lmiOf({
      ...ISSUE_EXAMPLE,
      memoryMb: 1024,
      durationMs: 100,
      freeTier: false,
      lmiTypes: ["c7g.xlarge"],
      lmiInstances: 3,
    });
    expect(lmi.breakEven).toMatchObject({
      status: "from",
      requestsPerMonth: 219_109_062,
      steadyFromRequestsPerMonth: 219_109_062,
      instanceType: "c7g.xlarge",
    });
  });

  it("the sweep and the cheapest option include LMI", () => {
    const result = crossoverWithShippedPrices(BUSY);
    expect(result.sweep.every((row) => row.managedInstancesType === "c7g.xlarge")).toBe(true);
    // 1M: 3 instances at the minimum, $365.3825 (as above)
    expect(text(result.sweep[0]!.managedInstances)).toBe("365.3825");
    expect(result.sweep[0]!.managedInstancesCount).toBe(3);
  });
});
