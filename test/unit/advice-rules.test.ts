/**
 * The advice rules (pure core) on hand-built evidence, us-east-1 prices from the shipped table
 * (2026-09-28): x86_64 $0.0000166667 / arm64 $0.0000133334 per GB-s, PC $0.0000041667 /
 * $0.0000033334 per GB-s. Windows of 30 days, so a month is × 730 / 720.
 */
import { describe, expect, it } from "vitest";
import {
  type AdviceWindow,
  adviseFunctions,
  estimateGroupScanBytes,
  type FunctionEvidence,
  functionNameMatcher,
} from "../../src/core/advice/index.js";
import { sizesFlag, smallestSafeMb } from "../../src/core/advice/rules-memory.js";
import { dec, ZERO } from "../../src/core/money/index.js";
import { loadLambdaPriceTable } from "../../src/prices/lambda-prices.js";

const TABLE = loadLambdaPriceTable();
const WINDOW: AdviceWindow = {
  start: new Date("2026-11-01T00:00:00Z"),
  end: new Date("2026-12-01T00:00:00Z"),
  days: 30,
};

function evidence(over: Partial<FunctionEvidence> = {}): FunctionEvidence {
  return {
    region: "us-east-1",
    functionName: "f",
    architecture: "arm64",
    runtime: "nodejs22.x",
    packageType: "Zip",
    layerCount: 0,
    memoryMb: 1024,
    timeoutS: 3,
    ephemeralStorageMb: 512,
    provisioned: [],
    metrics: {
      invocations: dec(1000),
      durationMsSum: dec(100_000),
      durationP99Ms: undefined,
      errors: ZERO,
      throttles: ZERO,
      maxConcurrentExecutions: undefined,
      provisionedInvocations: ZERO,
      spilloverInvocations: ZERO,
    },
    logGroup: { name: "/aws/lambda/f", retentionDays: 30, storedBytes: 0, shared: false },
    reports: {
      reports: 1000,
      maxMemoryUsedMb: 700,
      p99MemoryUsedMb: 650,
      avgBilledDurationMs: 100.5,
      coldStarts: 0,
      avgInitDurationMs: undefined,
      outOfMemory: 0,
      timeouts: 0,
      messageBytes: 0,
    },
    ...over,
  };
}

function advise(functions: FunctionEvidence[], freeTier = false, minInvocations = 50) {
  return adviseFunctions({
    evidence: functions,
    window: WINDOW,
    regions: ["us-east-1"],
    table: TABLE,
    logsRates: () => ({
      ingestionPerGb: dec("0.50"),
      storagePerGbMonth: dec("0.03"),
      insightsPerGbScanned: dec("0.005"),
    }),
    freeTier,
    minInvocations,
    scanned: [],
    failures: [],
  });
}

const kinds = (fns: FunctionEvidence[], freeTier = false) =>
  advise(fns, freeTier).recommendations.map((r) => r.kind);

describe("provisioned concurrency rules", () => {
  const pc = (maxUtilization: number | undefined) => [
    { qualifier: "live", configured: 10, maxUtilization },
  ];

  it("an idle allocation is removed, not reduced", () => {
    const idle = evidence({
      provisioned: pc(0),
      metrics: { ...evidence().metrics, invocations: ZERO, durationMsSum: ZERO },
    });
    const [r, ...rest] = advise([idle]).recommendations;
    expect(rest).toEqual([]);
    expect(r?.kind).toBe("remove-idle-provisioned-concurrency");
    // 10 × 1 GB × 2,628,000 s × $0.0000033334 = $87.6017520
    expect(r?.monthlySaving.upper.toFixed()).toBe("87.601752");
  });

  it.each([
    [0.59, 8], // ceil(10 × 0.59 / 0.8) = ceil(7.375) = 8
    [0.05, 1], // ceil(0.625) = 1
    [0.0, 1], // at least 1
  ])("peak %s keeps %i", (peak, kept) => {
    const [r] = advise([evidence({ provisioned: pc(peak) })]).recommendations;
    expect(r?.kind).toBe("reduce-provisioned-concurrency");
    expect(r?.nextStep).toMatch(new RegExp(`--provisioned-concurrent-executions ${kept}$`));
  });

  it("no reduction at 60 % or with no utilisation data", () => {
    expect(kinds([evidence({ provisioned: pc(0.6) })])).toEqual([]);
    expect(kinds([evidence({ provisioned: pc(undefined) })])).toEqual([]);
  });

  it("spillover of exactly 1 % is fine, above it grows PC", () => {
    const spill = (spilled: number) =>
      evidence({
        provisioned: pc(0.9),
        metrics: {
          ...evidence().metrics,
          provisionedInvocations: dec(1000),
          spilloverInvocations: dec(spilled),
        },
      });
    expect(kinds([spill(10)])).toEqual([]);
    expect(kinds([spill(11)])).toEqual(["increase-provisioned-concurrency"]);
  });
});

describe("switch-to-arm64", () => {
  const x86 = (over: Partial<FunctionEvidence>) => evidence({ architecture: "x86_64", ...over });
  it.each([
    ["python3.12", "Zip", 0, true],
    ["java21", "Zip", 0, true],
    ["dotnet8", "Zip", 0, true],
    ["ruby3.3", "Zip", 0, true],
    ["provided.al2023", "Zip", 0, false],
    ["go1.x", "Zip", 0, false],
    ["nodejs22.x", "Image", 0, false],
    ["nodejs22.x", "Zip", 1, false],
  ] as const)("%s %s with %i layers: %s", (runtime, packageType, layerCount, fires) => {
    const found = kinds([x86({ runtime, packageType, layerCount })]).includes("switch-to-arm64");
    expect(found).toBe(fires);
  });

  it("counts only GB-s above the free tier", () => {
    // 100,000 ms × 1 GB = 100 GB-s in 30 days → 101.39 GB-s a month, all inside 400,000.
    expect(kinds([x86({})], true)).toEqual([]);
    // Without the free tier: 100 × 730/720 × $0.0000033333.
    const [r] = advise([x86({})]).recommendations;
    expect(r?.monthlySaving.upper.toFixed()).toBe(
      dec(100).times(730).div(720).times("0.0000033333").toFixed(),
    );
  });
});

describe("memory rules", () => {
  const used = (maxMemoryUsedMb: number, over: Partial<FunctionEvidence> = {}) => {
    const base = evidence(over);
    return { ...base, reports: { ...base.reports!, maxMemoryUsedMb } };
  };

  it("smallest safe size: 1.5 × max used up to 64 MB, at least 128", () => {
    expect(smallestSafeMb(300)).toBe(512); // 450 → 512
    expect(smallestSafeMb(40)).toBe(128); // 60 → 64 → 128
    expect(smallestSafeMb(512)).toBe(768);
  });

  it("tune's --sizes stays within its 100-size limit", () => {
    expect(sizesFlag(512, 2048)).toBe("512..2048");
    expect(sizesFlag(128, 10240)).toBe("128..10240:128");
  });

  it("reduce at ≤ 50 %, increase at ≥ 90 % or on any out-of-memory, nothing between", () => {
    expect(kinds([used(512)])).toEqual(["reduce-memory"]);
    expect(kinds([used(513)])).toEqual([]);
    expect(kinds([used(921)])).toEqual([]); // 921 < 0.9 × 1024 = 921.6
    expect(kinds([used(922)])).toEqual(["increase-memory"]);
    const oom = used(400);
    expect(kinds([{ ...oom, reports: { ...oom.reports!, outOfMemory: 1 } }])).toEqual([
      "increase-memory",
    ]);
  });

  it("no reduction at 128 MB, none from a shared log group, none below --min-invocations", () => {
    expect(kinds([used(30, { memoryMb: 128 })])).toEqual([]);
    const shared = used(100, {
      logGroup: { name: "/shared", retentionDays: 30, storedBytes: 0, shared: true },
    });
    expect(kinds([shared])).toEqual([]);
    const quiet = used(100, { metrics: { ...evidence().metrics, invocations: dec(49) } });
    expect(kinds([quiet])).toEqual([]);
  });
});

describe("scan estimate and name filter", () => {
  it("scales stored bytes by the window's share of the kept time", () => {
    const group = { storedBytes: 3_000, creationTime: new Date("2026-10-02T00:00:00Z") };
    // Kept 60 days (2 Oct to 1 Dec), window 30: half.
    expect(estimateGroupScanBytes({ ...group, retentionDays: undefined }, WINDOW)).toBe(1_500);
    // Retention 30 days: everything kept is in the window.
    expect(estimateGroupScanBytes({ ...group, retentionDays: 30 }, WINDOW)).toBe(3_000);
  });

  it("matches * and ? and nothing else", () => {
    const match = functionNameMatcher("api-?-*");
    expect(["api-1-x", "api-2-", "api-12-x", "xapi-1-x"].filter(match)).toEqual([
      "api-1-x",
      "api-2-",
    ]);
    expect(functionNameMatcher("a.b")("axb")).toBe(false);
    expect(functionNameMatcher("(x|y)")("x")).toBe(false);
    expect(functionNameMatcher("*-*-b")("a-c-x-b")).toBe(true);
    expect(functionNameMatcher("a*")("b")).toBe(false);
    expect(functionNameMatcher("**")("")).toBe(true);
  });

  it("answers a many-star glob against a 64-character name at once (a RegExp backtracked for minutes)", () => {
    // 13 stars and a final b against 64 a's: no match. Exponential backtracking never returned.
    const match = functionNameMatcher(`${"*a".repeat(12)}*b`);
    expect(match("a".repeat(64))).toBe(false);
    expect(match(`${"a".repeat(63)}b`)).toBe(true);
  });
});
