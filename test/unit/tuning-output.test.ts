import { describe, expect, it } from "vitest";
import { analyzeTuning } from "../../src/core/tuning/analyze.js";
import type { TuneResult } from "../../src/core/tuning/types.js";
import { renderTune } from "../../src/output/tune.js";
import { renderTuneCharts } from "../../src/output/tune-chart.js";
import { TUNE_CSV_COLUMNS } from "../../src/output/tune-csv.js";
import { costModel, tuneResult as result, run } from "./output-fixtures.js";

describe("tune JSON (the stable contract)", () => {
  it("has the issue's top-level fields", async () => {
    const parsed = JSON.parse(await renderTune("json", result()));
    expect(Object.keys(parsed)).toEqual(
      expect.arrayContaining([
        "function",
        "region",
        "architecture",
        "strategy",
        "originalMemoryMb",
        "sizes",
        "recommendation",
        "monthlyProjection",
        "tuningCost",
        "restored",
      ]),
    );
    expect(parsed.recommendation).toMatchObject({
      memoryMb: 1024,
      distinguishable: true,
      runnerUpMemoryMb: 512,
    });
    expect(parsed.restored).toBe(true);
  });

  it("writes dollars as exact decimal numbers", async () => {
    const text = await renderTune("json", result());
    expect(text).toContain('"costPerInvocation": 0.00000353334,');
    expect(text).toContain('"costPerMillion": 3.200006,');
    expect(text).toContain('"monthlySaving": 3.33334,');
    // tuning cost: 2 × (0.0000002 + 0.125·0.04·0.0000166667 = 0.0000002833335)
    //   + 4 × 0.00000353334 + 4 × 0.000003200006 = 0.000000566667 + 0.00001413336 + 0.000012800024
    //   = 0.000027500051
    expect(text).toContain('"tuningCost": 0.000027500051,');
  });

  it("gives each size its statistics, intervals and feasibility", async () => {
    const parsed = JSON.parse(await renderTune("json", result()));
    const [oom, mid] = parsed.sizes;
    expect(oom).toMatchObject({
      memoryMb: 128,
      feasible: false,
      errors: 2,
      errorsByType: { "Runtime.OutOfMemory": 2 },
    });
    expect(oom.reason).toMatch(/^out of memory/);
    expect(oom.memoryHeadroom).toBe(0);
    // 512: billed 398, 402, 400, 400: s = √(8/3) = 1.63299, se = 0.816497, t(3) = 3.1824 → ±2.598
    expect(mid.billedDurationMs.mean).toBe(400);
    expect(mid.billedDurationMs.ci95).toEqual([397.4, 402.6]);
    expect(mid.durationMs).toMatchObject({ mean: 399.5, p50: 399.5 });
    expect(mid.memoryHeadroom).toBeCloseTo((512 - 100) / 512, 4);
  });

  it("writes null for an interval from one invocation", async () => {
    const one = result();
    one.sizes = analyzeTuning({
      samplesBySize: new Map([[256, run(256, [100])]]),
      costModel,
      strategyOptions: { strategy: "cost", balancedWeight: 0.5 },
      originalMemoryMb: 256,
    }).sizes;
    const parsed = JSON.parse(await renderTune("json", one));
    expect(parsed.sizes[0].billedDurationMs.ci95).toEqual([0, null]);
    expect(parsed.sizes[0].costPerInvocationCi95[1]).toBeNull();
  });
});

describe("tune CSV", () => {
  it("has a header and one row per size", async () => {
    // 512 MB durations 397.5, 399.5, 399.5, 401.5: p90 rank 2.7 → 399.5 + 0.7·2 = 400.9;
    // p99 rank 2.97 → 401.44; headroom (512 − 100)/512 = 0.8047
    const lines = (await renderTune("csv", result())).trim().split("\n");
    expect(lines[0]).toBe(TUNE_CSV_COLUMNS.join(","));
    expect(lines).toHaveLength(4);
    expect(lines[2]).toBe(
      "resize-image,us-east-1,x86_64,512,4,0,,0,,true,,399.5,399.5,400.9,401.44,400,397.4,402.6,0.00000353334,3.53334,100,0.8047,35.3334,false",
    );
    expect(lines[1]).toMatch(
      /^resize-image,us-east-1,x86_64,128,2,2,Runtime.OutOfMemory:2,0,,false,out of memory/,
    );
    expect(lines[3]).toMatch(/,0.000003200006,3.200006,100,0.9023,32.00006,true$/);
  });
});

describe("tune table and charts", () => {
  it("prints each size, the recommendation, the month and the run's cost", async () => {
    const text = await renderTune("table", result());
    expect(text).toContain("1024 *");
    expect(text).toContain("$0.000003533"); // 0.00000353334 to 9 places
    expect(text).toContain(
      "Infeasible: 128 MB — out of memory: Runtime.OutOfMemory in 2 of 2 invocations.",
    );
    expect(text).toMatch(
      /Recommendation \(cost\): 1024 MB \(\*\) — lowest mean cost: \$3.2000 per 1M invocations/,
    );
    expect(text).toContain(
      "Confidence: the best two sizes differ (the 95% interval of their difference excludes 0).",
    );
    expect(text).toContain(
      "Monthly projection at 10,000,000 invocations a month (--monthly-invocations): 512 MB $35.33, 1024 MB $32.00; recommended $32.00, saving $3.33 a month against the current 512 MB ($35.33).",
    );
    expect(text).toContain(
      "Tuning run: 10 invocations cost $0.000028; sampling stopped: 4 invocations per size.",
    );
    expect(text).toContain("The function is back exactly as found.");
  });

  it("prints the advice when there is one, even when the best two differ", async () => {
    // e.g. --arch x86_64,arm64: the two architectures' picks differ, and the pick's own
    // architecture had a near-tie that the advice names.
    const base = result();
    const withAdvice = {
      ...base,
      recommendation: {
        ...base.recommendation!,
        advice: "within arm64: 1024 MB and 1769 MB are not distinguishable",
      },
    };
    const text = await renderTune("table", withAdvice);
    expect(text).toContain("Confidence: within arm64: 1024 MB and 1769 MB are not distinguishable");
    expect(text).not.toContain("the best two sizes differ");
  });

  it("charts only measured, feasible sizes, labelled, and says what it left out", () => {
    const text = renderTuneCharts(result());
    expect(text).toContain("Cost per 1M invocations");
    expect(text).toContain("Mean warm duration");
    expect(text).toMatch(/ 512 +\[1024\] {2}MB/);
    expect(text).not.toMatch(/128 +512/);
    expect(text).toContain("Not plotted: 128 MB (out of memory");
    expect(text).toContain("$3.5333");
    expect(text).toContain("$3.2000");
  });

  it("says when nothing can be charted", () => {
    const r = result();
    r.sizes = r.sizes.filter((s) => !s.feasible);
    expect(renderTuneCharts(r)).toBe("No feasible size to chart.\n");
  });
});

describe("tune output of practical equivalence", () => {
  // Speed: 1769 MB and 3008 MB both at 100 ms (single-threaded work, no faster above one
  // vCPU), 1024 MB at 173 ms: 1769 and 3008 are equivalent within ±2%; 1769 is cheaper.
  function equivalent(): TuneResult {
    const analysis = analyzeTuning({
      samplesBySize: new Map([
        [1024, run(1024, [173, 173, 173, 173])],
        [1769, run(1769, [100, 100, 100, 100])],
        [3008, run(3008, [100, 100, 100, 100])],
      ]),
      costModel,
      strategyOptions: { strategy: "speed", balancedWeight: 0.5 },
      originalMemoryMb: 1024,
    });
    return {
      ...result(),
      strategy: "speed",
      sizes: analysis.sizes,
      recommendation: analysis.recommendation,
      monthlyProjection: undefined,
      stopReason: "1769 MB, 3008 MB are equivalent within ±2% (95% interval of the difference)",
    };
  }

  it("states it in the table", async () => {
    const text = await renderTune("table", equivalent());
    expect(text).toContain("Recommendation (speed): 1769 MB (*)");
    expect(text).toContain(
      "Equivalence: 1769 MB, 3008 MB are practically equivalent: the 95% interval of each one's difference from the best lies within ±2.0% of its duration; recommending the cheapest, 1769 MB.",
    );
    expect(text).toContain(
      "sampling stopped: 1769 MB, 3008 MB are equivalent within ±2% (95% interval of the difference).",
    );
  });

  it("states it in JSON", async () => {
    const parsed = JSON.parse(await renderTune("json", equivalent()));
    expect(parsed.recommendation).toMatchObject({
      memoryMb: 1769,
      equivalentMemoryMb: [1769, 3008],
      equivalenceMargin: 0.02,
    });
    expect(parsed.stopReason).toMatch(/^1769 MB, 3008 MB are equivalent/);
  });
});
