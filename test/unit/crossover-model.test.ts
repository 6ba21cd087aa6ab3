/**
 * The crossover model's pieces, against figures computed by hand (arithmetic in the comments)
 * from the shipped price files: pricing/fargate.json, pricing/ec2.json.
 */
import { describe, expect, it } from "vitest";
import {
  allFargateTaskSizes,
  parseFargateTaskSize,
} from "../../src/core/crossover/fargate-task-sizes.js";
import { ec2Fleet, fargateFleet, fleetCostAt, unitsAt } from "../../src/core/crossover/fleet.js";
import { stepCurve } from "../../src/core/crossover/step-curve.js";
import { chartVolumes, tableVolumes } from "../../src/core/crossover/sweep.js";
import type { Ec2InstanceType } from "../../src/core/crossover/types.js";
import { averageRps, cpuSecondsPerRequest, vcpusNeeded } from "../../src/core/crossover/work.js";
import { UsageError } from "../../src/core/errors.js";
import { dec } from "../../src/core/money/index.js";
import { loadEc2PriceTable } from "../../src/prices/ec2-prices.js";
import { loadFargatePriceTable } from "../../src/prices/fargate-prices.js";

const fargate = loadFargatePriceTable();
const ec2 = loadEc2PriceTable();
const usEast = fargate.regions["us-east-1"]!;

describe("cpuSecondsPerRequest", () => {
  it.each([
    // 120 ms at 512 MB: 0.12 × 512/1769 = 61.44/1769 vCPU-s
    [{ durationMs: 120, memoryMb: 512, cpuBoundFraction: 1 }, dec("61.44").div(1769)],
    // at 1769 MB exactly one vCPU: 0.1 × 1 × 1
    [{ durationMs: 100, memoryMb: 1769, cpuBoundFraction: 1 }, dec("0.1")],
    // above 1769 MB the share caps at 1: 0.2 × 1 × 0.5 = 0.1
    [{ durationMs: 200, memoryMb: 3008, cpuBoundFraction: 0.5 }, dec("0.1")],
    // given outright, duration and memory are ignored
    [
      { durationMs: 999, memoryMb: 128, cpuBoundFraction: 1, cpuSecondsPerRequest: 0.05 },
      dec("0.05"),
    ],
  ])("%o → %s vCPU-s", (input, expected) => {
    expect(cpuSecondsPerRequest(input).equals(expected)).toBe(true);
  });
});

describe("sizing", () => {
  it("average rps is requests / 2,628,000 (730 h × 3600 s)", () => {
    // 50,000,000 / 2,628,000 = 19.025875190258751902…
    expect(averageRps(50_000_000).toDecimalPlaces(6).toFixed()).toBe("19.025875");
  });

  it("vCPUs needed = rps × peak-to-average × CPU-s / target utilisation", () => {
    // 50M requests at 0.12 vCPU-s, peak 2×, 60%: 19.0258752 × 2 × 0.12 / 0.6 = 7.610350…
    const sizing = { cpuSecondsPerRequest: dec("0.12"), peakToAverage: 2, targetUtilization: 0.6 };
    expect(vcpusNeeded(50_000_000, sizing).toDecimalPlaces(6).toFixed()).toBe("7.61035");
  });
});

describe("fargateFleet", () => {
  const task = parseFargateTaskSize("1vcpu-2gb");
  it.each([
    // x86: 730 × (1 × 0.04048 + 2 × 0.004445) = 730 × 0.04937 = 36.0401
    ["x86_64", null, "36.0401"],
    // arm64: 730 × (0.03238 + 2 × 0.00356) = 730 × 0.0395 = 28.835
    ["arm64", null, "28.835"],
    // Spot, 70% off x86: 36.0401 × 0.3 = 10.81203
    ["x86_64", fargate.spot, "10.81203"],
    // Compute Savings Plan 3 years, 52% off: 36.0401 × 0.48 = 17.299248
    ["x86_64", fargate.savingsPlans["compute-3yr"], "17.299248"],
    // Compute Savings Plan 1 year, 20% off: 36.0401 × 0.8 = 28.83208
    ["x86_64", fargate.savingsPlans["compute-1yr"], "28.83208"],
  ] as const)("%s with discount %o costs %s a task-month", (arch, discount, expected) => {
    const fleet = fargateFleet(task, usEast[arch]!, arch, 2, discount);
    expect(fleet.unitMonthlyCost.toFixed()).toBe(expected);
  });

  it("eu-central-1 x86: 730 × (0.04656 + 2 × 0.00511) = 730 × 0.05678 = 41.4494", () => {
    const prices = fargate.regions["eu-central-1"]!.x86_64!;
    expect(fargateFleet(task, prices, "x86_64", 1, null).unitMonthlyCost.toFixed()).toBe("41.4494");
  });

  it("has no arm64 price for eu-central-1 (null in the data, not invented)", () => {
    expect(fargate.regions["eu-central-1"]!.arm64).toBeNull();
  });

  it("tasks = max(min, ceil(vCPUs / task vCPUs)); cost = tasks × task-month", () => {
    const fleet = fargateFleet(task, usEast.x86_64!, "x86_64", 2, null);
    const sizing = { cpuSecondsPerRequest: dec("0.12"), peakToAverage: 2, targetUtilization: 0.6 };
    // 7.61035 vCPUs → 8 tasks × 36.0401 = 288.3208
    expect(unitsAt(fleet, 50_000_000, sizing)).toBe(8);
    expect(fleetCostAt(fleet, 50_000_000, sizing).toFixed()).toBe("288.3208");
    // 1M requests: 0.1522 vCPUs → ceil = 1, but at least 2 tasks: 72.0802
    expect(fleetCostAt(fleet, 1_000_000, sizing).toFixed()).toBe("72.0802");
  });
});

describe("ec2Fleet", () => {
  const type = (name: string) => ec2.instanceTypes[name] as Ec2InstanceType;
  const price = (name: string) => ec2.regions["us-east-1"]!.hourlyPrices[name]!;
  it.each([
    // m7g.large: 730 × 0.0816 = 59.568, 2 usable vCPUs
    ["m7g.large", null, "59.568", "2"],
    // c7g.large: 730 × 0.0725 = 52.925
    ["c7g.large", null, "52.925", "2"],
    // m7i.large: 730 × 0.1008 = 73.584
    ["m7i.large", null, "73.584", "2"],
    // t4g.large: 730 × 0.0672 = 49.056, only 2 × 30% = 0.6 vCPU usable
    ["t4g.large", null, "49.056", "0.6"],
    // t3.micro: 730 × 0.0104 = 7.592, 2 × 10% = 0.2 vCPU
    ["t3.micro", null, "7.592", "0.2"],
    // c7g.large with a 3-year Compute Savings Plan (66% off): 52.925 × 0.34 = 17.9945
    ["c7g.large", ec2.savingsPlans.ec2["compute-3yr"], "17.9945", "2"],
  ] as const)("%s (discount %o): %s a month, %s usable vCPUs", (name, discount, cost, vcpus) => {
    const fleet = ec2Fleet(type(name), price(name), 2, discount);
    expect(fleet.unitMonthlyCost.toFixed()).toBe(cost);
    expect(fleet.capacityVcpus.toFixed()).toBe(vcpus);
  });

  it("has the published baseline share for every t3/t4g size it lists", () => {
    // EC2 User Guide credit table: nano 5%, micro 10%, small 20%, medium 20%, large 30%, xlarge 40%
    const expected: Record<string, string> = {
      nano: "0.05",
      micro: "0.1",
      small: "0.2",
      medium: "0.2",
      large: "0.3",
      xlarge: "0.4",
    };
    for (const t of Object.values(ec2.instanceTypes).filter((t) => t.burstable)) {
      expect(t.baselineCpuShare?.toFixed(), t.name).toBe(expected[t.name.split(".")[1]!]);
    }
  });
});

describe("stepCurve", () => {
  it("ends each step at floor(k × R), R = capacity × utilisation × 2,628,000 / (peak × CPU-s)", () => {
    const fleet = fargateFleet(
      parseFargateTaskSize("1vcpu-2gb"),
      usEast.x86_64!,
      "x86_64",
      2,
      null,
    );
    const sizing = { cpuSecondsPerRequest: dec("0.12"), peakToAverage: 2, targetUtilization: 0.6 };
    const steps = stepCurve(fleet, sizing);
    // R = 1 × 0.6 × 2,628,000 / (2 × 0.12) = 6,570,000 requests a month per task
    expect(steps.requestsPerUnit).toBe(6_570_000);
    expect(steps.stepTop(2)).toBe(13_140_000);
    expect(steps.unitsAt(13_140_000)).toBe(2);
    expect(steps.unitsAt(13_140_001)).toBe(3);
    expect(steps.stepTop(3)).toBe(19_710_000);
  });
});

describe("Fargate task sizes", () => {
  it("knows all 74 valid combinations (3 + 4 + 7 + 13 + 23 + 12 + 12)", () => {
    expect(allFargateTaskSizes()).toHaveLength(74);
  });

  it.each([
    ["1vcpu-2gb", "1vcpu-2gb"],
    ["0.25vcpu-512mb", "0.25vcpu-0.5gb"],
    ["16vcpu-120gb", "16vcpu-120gb"],
    ["8VCPU-16GB", "8vcpu-16gb"],
  ])("accepts %s as %s", (raw, label) => {
    expect(parseFargateTaskSize(raw).label).toBe(label);
  });

  it.each(["1vcpu-1gb", "0.25vcpu-4gb", "8vcpu-18gb", "3vcpu-6gb", "big"])(
    "rejects %s and lists the valid sizes",
    (raw) => {
      expect(() => parseFargateTaskSize(raw)).toThrow(UsageError);
      expect(() => parseFargateTaskSize(raw)).toThrow(
        /valid sizes: 0\.25vcpu-\{0\.5,1,2\}gb, .*16vcpu/,
      );
    },
  );
});

describe("sweep volumes", () => {
  it("tables use 1-2-5 from 1M to 10B", () => {
    expect(tableVolumes()).toEqual([
      1e6, 2e6, 5e6, 1e7, 2e7, 5e7, 1e8, 2e8, 5e8, 1e9, 2e9, 5e9, 1e10,
    ]);
  });

  it("charts are evenly log-spaced from 1M to 10B", () => {
    const v = chartVolumes(12);
    expect(v).toHaveLength(49);
    expect(v[0]).toBe(1e6);
    expect(v[12]).toBe(1e7);
    expect(v[48]).toBe(1e10);
  });
});
