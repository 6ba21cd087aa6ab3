/**
 * crossover() end to end on the shipped price tables. Every dollar figure is computed by hand in
 * the comments; break-evens are checked by their definition against independent evaluations
 * (the pricing engine for Lambda, hand formulas for the fleets).
 */
import { describe, expect, it } from "vitest";
import { type CrossoverInput, crossover } from "../../src/core/crossover/crossover.js";
import { PricingDataError, UsageError } from "../../src/core/errors.js";
import { type Decimal, dec, sum } from "../../src/core/money/index.js";
import { priceLambda } from "../../src/core/pricing/price-lambda.js";
import { loadEc2PriceTable } from "../../src/prices/ec2-prices.js";
import { loadFargatePriceTable } from "../../src/prices/fargate-prices.js";
import { loadLambdaPriceTable } from "../../src/prices/lambda-prices.js";
import { ISSUE_EXAMPLE } from "./crossover-fixtures.js";

const tables = {
  lambda: loadLambdaPriceTable(),
  fargate: loadFargatePriceTable(),
  ec2: loadEc2PriceTable(),
};

/** The issue's example: 512 MB, 120 ms, 50M requests a month, every other flag at its default. */
const BASE: CrossoverInput = ISSUE_EXAMPLE;

/** Lambda's cost at n from the engine, duration lines discounted by `keep` (Savings Plans). */
function lambdaAt(input: CrossoverInput, n: number, keep = dec(1)): Decimal {
  const estimate = priceLambda(
    [
      {
        region: input.region,
        architecture: input.architecture,
        memoryMb: input.memoryMb,
        monthlyRequests: n,
        averageDurationMs: input.durationMs,
      },
    ],
    tables.lambda,
    { freeTier: input.freeTier },
  );
  return sum(
    estimate.lines.map((l) => (l.name.startsWith("Duration") ? l.cost.times(keep) : l.cost)),
  );
}

/** Fleet cost at n by the issue's formula, written out independently of src/core/crossover. */
function fleetAt(input: CrossoverInput, n: number, vcpusPerUnit: Decimal, unitMonthly: Decimal) {
  const cps =
    input.cpuSecondsPerRequest !== undefined
      ? dec(input.cpuSecondsPerRequest)
      : dec(input.durationMs)
          .div(1000)
          .times(Math.min(input.memoryMb / 1769, 1))
          .times(input.cpuBoundFraction);
  const needed = dec(n)
    .div(730 * 3600)
    .times(input.peakToAverage)
    .times(cps)
    .div(input.targetUtilization);
  const units = Math.max(input.minInstances, needed.div(vcpusPerUnit).ceil().toNumber());
  return unitMonthly.times(units);
}

describe("crossover at the issue's example (512 MB, 120 ms, 50M requests, us-east-1)", () => {
  const r = crossover(BASE, tables);

  it("prices Lambda with the engine, free tier on", () => {
    // requests (50M − 1M) × $0.0000002 = $9.80
    // GB-s 50M × 0.12 s × 0.5 GB = 3,000,000 − 400,000 free = 2,600,000 × $0.0000166667 = $43.33342
    expect(r.lambda.monthlyCost.toFixed()).toBe("53.13342");
  });

  it("sizes the fleets for the peak", () => {
    // CPU-s per request 0.12 × 512/1769 = 0.0347314867; rps 50M / 2,628,000 = 19.0258752
    // vCPUs = 19.0258752 × 2 × 0.0347314867 / 0.6 = 2.202655…
    expect(r.vcpusNeeded.toDecimalPlaces(4).toFixed()).toBe("2.2027");
    // Fargate 1 vCPU tasks: ceil(2.2027) = 3 × $36.0401 = $108.1203
    expect(r.fargate.tasks).toBe(3);
    expect(r.fargate.monthlyCost.toFixed()).toBe("108.1203");
    // EC2 2-vCPU types: ceil(2.2027 / 2) = 2 instances; c7g.large 2 × 52.925 = $105.85 is the
    // cheapest (m7g.large 2 × 59.568 = 119.136, m7i.large 2 × 73.584 = 147.168)
    expect(r.ec2.instanceType).toBe("c7g.large");
    expect(r.ec2.instances).toBe(2);
    expect(r.ec2.monthlyCost?.toFixed()).toBe("105.85");
    expect(r.ec2.candidates.map((c) => [c.instanceType, c.monthlyCost.toFixed()])).toEqual([
      ["m7g.large", "119.136"],
      ["c7g.large", "105.85"],
      ["m7i.large", "147.168"],
    ]);
    expect(r.cheapest).toBe("lambda");
  });

  it("finds EC2's break-even at 226,242,690 requests a month (c7g.large, 5 instances)", () => {
    // Above the free tier Lambda costs (n − 1M) × 0.0000002 + (0.06n − 400,000) × 0.0000166667
    // = 0.000001200002 n − 6.86668. A c7g.large carries R = 2 × 0.6 × 2,628,000 / (2 × 0.0347314867)
    // = 45,399,726.5625 requests, so step k ends at floor(k × R):
    //   k=2 ends at  90,799,453: Lambda 102.09 < fleet 105.85
    //   k=3 ends at 136,199,179: Lambda 156.57 < fleet 158.775
    //   k=4 ends at 181,598,906: Lambda 211.05 < fleet 211.70
    //   k=5 ends at 226,998,632: Lambda 265.53 ≥ fleet 264.625 → wins inside step 5, from
    //   n = ceil((264.625 + 6.86668) / 0.000001200002) = ceil(226,242,689.6) = 226,242,690
    expect(r.ec2.breakEven.status).toBe("from");
    expect(r.ec2.breakEven.requestsPerMonth).toBe(226_242_690);
    expect(r.ec2.breakEven.instanceType).toBe("c7g.large");
    // 226,242,690 / 2,628,000 = 86.0893…
    expect(r.ec2.breakEven.averageRps?.toDecimalPlaces(2).toFixed()).toBe("86.09");
  });

  it("finds where EC2 stays no dearer at every volume up to 10B: 1,725,781,858", () => {
    // Just above a step boundary the fleet has paid for one more instance and Lambda is cheaper
    // again. At the bottom of step k ((k − 1) × R + 1 requests) Lambda costs at least
    // 0.000001200002 × 45,399,726.5625 × (k − 1) − 6.86668 = 54.47976(k − 1) − 6.86668 and the
    // fleet 52.925k: dearer while 1.55476k < 61.34644, i.e. k ≤ 39. In step 39 (from
    // 1,725,189,610) the fleet costs 39 × 52.925 = 2,064.075; Lambda reaches that at
    // (2,064.075 + 6.86668) / 0.000001200002 = 1,725,781,857.03 → 1,725,781,858.
    expect(r.ec2.breakEven.steadyFromRequestsPerMonth).toBe(1_725_781_858);
  });

  it("says Fargate never wins below 1e12 (its cost per vCPU of peak work is above Lambda's)", () => {
    // Fargate: $36.0401 per task-month carries 1 × 0.6 × 2,628,000 / (2 × 0.0347314867)
    // = 22,699,863 requests → $1.5877e-6 a request; Lambda's marginal cost is at most
    // $1.200002e-6 a request (and less in higher tiers), so Fargate never catches up.
    expect(r.fargate.breakEven).toMatchObject({ status: "never", requestsPerMonth: null });
  });

  it("states every assumption", () => {
    const text = r.assumptions.join("\n");
    for (const needle of [
      "730 hours",
      "1769",
      "peak-to-average",
      "target utilisation",
      "at least 2",
      "$0.04048",
      "Burstable",
      "free tier",
      "Break-even",
    ]) {
      expect(text).toContain(needle);
    }
  });
});

describe("break-even correctness by definition", () => {
  const cases: Array<[string, Partial<CrossoverInput>]> = [
    ["EC2, issue's example", {}],
    [
      "Fargate Spot, 1769 MB, 100 ms, no free tier",
      { memoryMb: 1769, durationMs: 100, fargateSpot: true, freeTier: false },
    ],
    [
      "arm64 everywhere, I/O-bound",
      {
        architecture: "arm64",
        fargateArchitecture: "arm64",
        cpuBoundFraction: 0.25,
        memoryMb: 2048,
        durationMs: 300,
      },
    ],
    ["3-year Savings Plans", { savingsPlan: "compute-3yr", memoryMb: 1024, durationMs: 250 }],
    [
      "big tasks, min 1",
      {
        fargateTask: "4vcpu-8gb",
        minInstances: 1,
        memoryMb: 3008,
        durationMs: 900,
        freeTier: false,
      },
    ],
  ];

  it.each(cases)("%s: no dearer at N, dearer at N − 1", (_, patch) => {
    const input = { ...BASE, ...patch };
    const r = crossover(input, tables);
    const plan = input.savingsPlan === "none" ? null : input.savingsPlan;
    const keep = plan ? dec(1).minus(tables.ec2.savingsPlans.lambda[plan].fraction) : dec(1);
    const options = [
      {
        b: r.fargate.breakEven,
        vcpus: dec(r.input.fargateTask.split("vcpu")[0]!),
        unit: r.fargate.unitMonthlyCost,
      },
      ...r.ec2.candidates.map((c) => ({
        b: c.breakEven,
        vcpus: c.capacityVcpus,
        unit: c.unitMonthlyCost,
      })),
    ];
    let checked = 0;
    for (const { b, vcpus, unit } of options) {
      const n = b.requestsPerMonth;
      if (n === null || n <= 1) continue;
      checked++;
      expect(fleetAt(input, n, vcpus, unit).lte(lambdaAt(input, n, keep))).toBe(true);
      expect(fleetAt(input, n - 1, vcpus, unit).gt(lambdaAt(input, n - 1, keep))).toBe(true);
      const s = b.steadyFromRequestsPerMonth;
      if (s !== null && s > n) {
        expect(fleetAt(input, s, vcpus, unit).lte(lambdaAt(input, s, keep))).toBe(true);
        expect(fleetAt(input, s - 1, vcpus, unit).gt(lambdaAt(input, s - 1, keep))).toBe(true);
      }
    }
    expect(checked).toBeGreaterThan(0);
  });
});

describe("monotonicity in volume", () => {
  it.each([
    ["x86_64 defaults", {}],
    [
      "arm64, Spot, Savings Plans, burstable",
      {
        architecture: "arm64",
        fargateSpot: true,
        savingsPlan: "compute-1yr",
        includeBurstable: true,
      },
    ],
  ] as Array<[string, Partial<CrossoverInput>]>)(
    "%s: no cost ever falls as volume grows",
    (_, patch) => {
      const r = crossover({ ...BASE, ...patch }, tables);
      for (const rows of [r.chart, r.sweep]) {
        for (let i = 1; i < rows.length; i++) {
          const [a, b] = [rows[i - 1]!, rows[i]!];
          expect(b.monthlyRequests).toBeGreaterThan(a.monthlyRequests);
          expect(b.lambda.gte(a.lambda)).toBe(true);
          expect(b.fargate.gte(a.fargate)).toBe(true);
          expect(b.fargateTasks).toBeGreaterThanOrEqual(a.fargateTasks);
          expect(b.ec2!.gte(a.ec2!)).toBe(true);
        }
      }
    },
  );
});

describe("paths", () => {
  it("arm64 Lambda and arm64 Fargate", () => {
    const r = crossover({ ...BASE, architecture: "arm64", fargateArchitecture: "arm64" }, tables);
    // Lambda arm64: requests $9.80 + 2,600,000 GB-s × $0.0000133334 = $34.66684 → $44.46684
    expect(r.lambda.monthlyCost.toFixed()).toBe("44.46684");
    // Fargate arm64 1 vCPU / 2 GB: 3 tasks × 730 × (0.03238 + 2 × 0.00356) = 3 × 28.835 = 86.505
    expect(r.fargate.monthlyCost.toFixed()).toBe("86.505");
  });

  it("Fargate Spot: 70% off, break-even 7,022,538 requests (1769 MB, 100 ms, no free tier)", () => {
    const r = crossover(
      { ...BASE, memoryMb: 1769, durationMs: 100, fargateSpot: true, freeTier: false },
      tables,
    );
    // 2 tasks × 36.0401 × 0.3 = $21.62406 cover 2 × 1 × 0.6 × 2,628,000 / (2 × 0.1) = 15,768,000
    // requests. Lambda a request: $0.0000002 + 0.1 s × 1769/1024 GB × $0.0000166667
    // = 0.0000002 + 0.00000287923… = $0.00000307923…; $21.62406 / 0.00000307923… = 7,022,537.x
    expect(r.fargate.breakEven.requestsPerMonth).toBe(7_022_538);
    expect(r.fargate.unitMonthlyCost.toFixed()).toBe("10.81203");
    expect(r.caveats.join("\n")).toContain("Fargate Spot discount 70%");
  });

  it("3-year Compute Savings Plans discount Lambda duration, Fargate and EC2", () => {
    const r = crossover({ ...BASE, savingsPlan: "compute-3yr" }, tables);
    // Lambda: $9.80 requests + $43.33342 duration × 0.83 = 9.80 + 35.9667386 = $45.7667386
    expect(r.lambda.monthlyCost.toFixed()).toBe("45.7667386");
    // Fargate: 3 × 36.0401 × 0.48 = $51.897744
    expect(r.fargate.monthlyCost.toFixed()).toBe("51.897744");
    // EC2 c7g.large: 2 × 52.925 × 0.34 = $35.989 — now the cheapest option
    expect(r.ec2.monthlyCost?.toFixed()).toBe("35.989");
    expect(r.cheapest).toBe("ec2");
  });

  it("burstable types count only their baseline share", () => {
    const r = crossover({ ...BASE, includeBurstable: true }, tables);
    // 2.202655 vCPUs; t4g.nano gives 2 × 5% = 0.1 → ceil(22.03) = 23 × 730 × 0.0042
    // = 23 × 3.066 = $70.518 (t4g.small 0.4 → 6 × 12.264 = 73.584; c7g.large $105.85)
    expect(r.ec2.instanceType).toBe("t4g.nano");
    expect(r.ec2.instances).toBe(23);
    expect(r.ec2.monthlyCost?.toFixed()).toBe("70.518");
    expect(r.ec2.candidates).toHaveLength(3 + 11);
  });

  it("names each EC2 type once, however often it is asked for", () => {
    const r = crossover({ ...BASE, ec2Types: ["c7g.large", "c7g.large", "m7g.medium"] }, tables);
    // m7g.medium: 1 vCPU → ceil(2.2027) = 3 × 730 × 0.0408 = 3 × 29.784 = 89.352 < c7g 105.85
    expect(r.ec2.candidates.map((c) => c.instanceType)).toEqual(["c7g.large", "m7g.medium"]);
    expect(r.ec2.monthlyCost?.toFixed()).toBe("89.352");
  });

  it("--cpu-seconds-per-request overrides duration × memory share", () => {
    const r = crossover({ ...BASE, cpuSecondsPerRequest: 0.01 }, tables);
    // 19.0258752 × 2 × 0.01 / 0.6 = 0.634196 vCPUs → the minimum 2 tasks: 2 × 36.0401 = 72.0802
    expect(r.vcpusNeeded.toDecimalPlaces(6).toFixed()).toBe("0.634196");
    expect(r.fargate.monthlyCost.toFixed()).toBe("72.0802");
  });

  it("leaves EC2 out in a region without EC2 prices unless types were asked for", () => {
    const r = crossover({ ...BASE, region: "eu-central-1" }, tables);
    expect(r.ec2.unavailable).toContain("no EC2 prices for eu-central-1");
    expect(r.ec2.monthlyCost).toBeNull();
    // eu-central-1 Fargate x86: 3 × 41.4494 = 124.3482
    expect(r.fargate.monthlyCost.toFixed()).toBe("124.3482");
    expect(() =>
      crossover({ ...BASE, region: "eu-central-1", ec2Types: ["m7g.large"] }, tables),
    ).toThrow(UsageError);
  });
});

describe("bad input (library callers get the CLI's errors)", () => {
  it.each([
    [{ cpuBoundFraction: 0 }, /--cpu-bound-fraction must be a number greater than 0 and at most 1/],
    [{ targetUtilization: 1.2 }, /--target-utilization must be/],
    [
      { targetUtilization: 1e-320 },
      /--target-utilization must be a number from 0.01 to 1; got 1e-320/,
    ],
    [{ peakToAverage: 0.9 }, /--peak-to-average must be a number of at least 1/],
    [{ minInstances: 0 }, /--min-instances must be a whole number from 1/],
    [{ cpuSecondsPerRequest: -1 }, /--cpu-seconds-per-request must be/],
    [{ fargateTask: "1vcpu-16gb" }, /valid sizes: /],
    [{ ec2Types: ["x9.huge"] }, /unknown EC2 instance type "x9.huge"/],
    [{ ec2Types: ["t4g.large"] }, /t4g.large is a burstable type .*30%.*--include-burstable/],
    [{ region: "mars-1" }, /"mars-1" is not a region in the price table/],
    [
      { region: "EU-WEST-1" },
      /"EU-WEST-1" is not a region in the price table; did you mean eu-west-1\?/,
    ],
    [{ memoryMb: 64 }, /memoryMb must be a whole number from 128 to 10240/],
  ] as Array<[Partial<CrossoverInput>, RegExp]>)("%o", (patch, message) => {
    expect(() => crossover({ ...BASE, ...patch }, tables)).toThrow(message);
    expect(() => crossover({ ...BASE, ...patch }, tables)).toThrow(UsageError);
  });

  it("Fargate Spot with arm64 tasks: AWS does not offer it", () => {
    const input = { ...BASE, fargateSpot: true, fargateArchitecture: "arm64" as const };
    expect(() => crossover(input, tables)).toThrow(/Fargate Spot does not run arm64 tasks/);
  });

  it("Fargate arm64 in eu-central-1 has no price: a PricingDataError", () => {
    expect(() =>
      crossover({ ...BASE, region: "eu-central-1", fargateArchitecture: "arm64" }, tables),
    ).toThrow(PricingDataError);
  });
});

describe("near-zero CPU work (a fleet whose one unit carries more requests than a float counts)", () => {
  it("answers with the minimum fleet's break-even instead of searching forever", () => {
    // 1e-12 vCPU-s a request: one 1-vCPU task carries 0.6 × 2,628,000 / (2 × 1e-12) ≈ 7.9e17
    // requests a month, past 2^53, where stepTop's nudge loop once never ended (n + 1 === n).
    const input = {
      ...BASE,
      memoryMb: 1024,
      durationMs: 100,
      monthlyRequests: 3_000_000,
      cpuSecondsPerRequest: 1e-12,
    };
    const r = crossover(input, tables);
    // So the fleet is 2 tasks at every volume: 2 × $36.0401 = $72.0802 (us-east-1 Fargate x86,
    // 730 × (0.04048 + 2 × 0.004445)). Lambda, 1 GB, 100 ms, free tier on: above 4M requests
    // (n − 1,000,000) × $0.0000002 + (0.1 n − 400,000) GB-s × $0.0000166667.
    // n = 42,292,895: 8.258579 + 63.82161830965 = 72.08019830965 < 72.0802
    // n = 42,292,896: 8.2585792 + 63.82162017632 = 72.08020017632 ≥ 72.0802
    expect(r.fargate.monthlyCost.toFixed()).toBe("72.0802");
    expect(r.fargate.breakEven).toMatchObject({
      status: "from",
      requestsPerMonth: 42_292_896,
      steadyFromRequestsPerMonth: 42_292_896,
    });
  });
});
