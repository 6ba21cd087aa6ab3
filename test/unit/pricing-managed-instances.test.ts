/**
 * priceManagedInstances, the one LMI pricing rule, against AWS's sample LMI calculator's
 * published figures (https://aws-samples.github.io/sample-aws-lambda-managed-instances/,
 * tests/test-cases.json): 14 × c7g.xlarge ($0.145/h), 730 h, with its discounts.
 */
import { describe, expect, it } from "vitest";
import {
  LMI_MEMORY_RATIOS,
  LMI_RUNTIME_NAMES,
} from "../../src/cli/commands/crossover-lmi-options.js";
import { LMI_MEMORY_PER_VCPU_GIB, LMI_RUNTIMES } from "../../src/core/crossover/lmi-fleet.js";
import { dec } from "../../src/core/money/index.js";
import { priceManagedInstances } from "../../src/core/pricing/managed-instances.js";

const fleet = (instanceDiscount: string, monthlyRequests: number, freeRequests?: number) =>
  priceManagedInstances({
    region: "us-east-1",
    architecture: "arm64",
    instanceType: "c7g.xlarge",
    instances: 14,
    hoursPerInstance: 730,
    onDemandHourly: dec("0.145"),
    instanceDiscount: dec(instanceDiscount),
    monthlyRequests,
    freeRequests,
  });

describe("priceManagedInstances", () => {
  it.each([
    // on-demand, 1M: 14 × 730 × 0.145 = 1,481.90; fee 222.285; requests 0.20 → 1,704.385
    ["0", 1_000_000, "1481.9", "222.285", "0.2", "1704.385"],
    // the calculator's "Compute SP 1yr" (32%), 10M: 1,481.90 × 0.68 = 1,007.692; the fee stays
    // 15% of ON-DEMAND, 222.285; requests 2 → 1,231.977
    ["0.32", 10_000_000, "1007.692", "222.285", "2", "1231.977"],
    // "Compute SP 3yr" (65%), 10M: 1,481.90 × 0.35 = 518.665 + 222.285 + 2 = 742.95
    ["0.65", 10_000_000, "518.665", "222.285", "2", "742.95"],
  ])("discount %s, %i requests", (discount, requests, instances, fee, req, total) => {
    const cost = fleet(discount, requests);
    expect(
      [cost.instanceCost, cost.managementFee, cost.requestCost, cost.monthlyCost].map((d) =>
        d.toFixed(),
      ),
    ).toEqual([instances, fee, req, total]);
  });

  it("lists the same amounts as three cost lines, with quantities and unit prices", () => {
    const { lines } = fleet("0", 1_000_000);
    expect(
      lines.map((l) => [l.name, l.quantity.toFixed(), l.unitPrice.toFixed(), l.cost.toFixed()]),
    ).toEqual([
      // 14 × 730 = 10,220 instance-hours
      ["LMI instances (c7g.xlarge)", "10220", "0.145", "1481.9"],
      ["LMI management fee (15% of on-demand)", "10220", "0.02175", "222.285"],
      ["LMI requests", "1000000", "0.0000002", "0.2"],
    ]);
  });

  it("charges only the requests above a free allowance the caller passes", () => {
    // 1.5M − 1M free = 500,000 × $0.0000002 = 0.10
    const cost = fleet("0", 1_500_000, 1_000_000);
    expect(cost.requestCost.toFixed()).toBe("0.1");
    expect(cost.lines[2]?.freeTierQuantity?.toFixed()).toBe("1000000");
  });
});

describe("the CLI's LMI flag values match the model", () => {
  it("runtimes and GiB-per-vCPU ratios", () => {
    expect([...LMI_RUNTIME_NAMES]).toEqual(Object.keys(LMI_RUNTIMES));
    expect(LMI_MEMORY_RATIOS.map(Number)).toEqual([...LMI_MEMORY_PER_VCPU_GIB]);
  });
});
