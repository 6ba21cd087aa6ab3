import { describe, expect, it } from "vitest";
import { dec } from "../../src/core/money/index.js";
import {
  decide,
  differenceInterval,
  equivalenceMarginOf,
  standing,
} from "../../src/core/tuning/equivalence.js";
import type { RankedSize } from "../../src/core/tuning/rank.js";
import type { SizeSummary } from "../../src/core/tuning/types.js";

/** A ranked size with only what the equivalence rule reads: score, spread, n and cost. */
function ranked(memoryMb: number, score: number, stdDev: number, n: number, cost: string) {
  const summary = { memoryMb, costPerInvocation: dec(cost) } as unknown as SizeSummary;
  return { summary, score, low: score, high: score, n, stdDev } satisfies RankedSize;
}

describe("differenceInterval (Welch)", () => {
  it("matches a hand computation", () => {
    // s = 2 and 4, n = 10 and 20: va = 0.4, vb = 0.8, se = √1.2 = 1.095445;
    // ν = 1.44 / (0.16/9 + 0.64/19) = 1.44 / 0.0514620 = 27.98 → t(27) = 2.0518.
    const { diff, halfWidth } = differenceInterval(
      ranked(1024, 100, 2, 10, "1"),
      ranked(2048, 103, 4, 20, "2"),
    );
    expect(diff).toBe(3);
    expect(halfWidth).toBeCloseTo(2.0518 * 1.095445, 4);
  });

  it("is infinitely wide with fewer than two values", () => {
    expect(differenceInterval(ranked(1, 1, 0, 1, "1"), ranked(2, 2, 0, 5, "1")).halfWidth).toBe(
      Number.POSITIVE_INFINITY,
    );
  });
});

describe("standing against the leader (margin 1% of 100 = ±1)", () => {
  const leader = ranked(512, 100, 1, 50, "0.000002");
  it.each<[string, RankedSize, string]>([
    // diff 0.2, hw = t(98)·√(2/50) = 1.9845·0.2 = 0.397 → [−0.2, 0.6] ⊂ ±1
    [
      "equivalent: the whole interval within ±1",
      ranked(1024, 100.2, 1, 50, "0.000004"),
      "equivalent",
    ],
    // diff 3, hw 0.397 → [2.6, 3.4]: worse beyond the margin
    ["out: surely worse beyond the margin", ranked(1024, 103, 1, 50, "0.000001"), "out"],
    // diff 0.8 with s = 2: hw = t·√(4/50 + 1/50) = 1.99·0.316 = 0.63 → [0.17, 1.43]: surely
    // worse, not within ±1, and dearer → out
    ["out: surely worse and dearer", ranked(1024, 100.8, 2, 50, "0.000004"), "out"],
    // the same but cheaper: it could still be shown equivalent and then be the pick → open
    ["open: surely worse but cheaper", ranked(256, 100.8, 2, 50, "0.000001"), "open"],
    // diff 0.5 with n = 5: hw huge → open
    ["open: too few values", ranked(1024, 100.5, 1, 5, "0.000004"), "open"],
  ])("%s", (_, j, expected) => {
    expect(standing(leader, j, 0.01)).toBe(expected);
  });

  it("under speed, a larger size surely but slightly slower stays open; beyond the margin it is out", () => {
    // The "surely worse and dearer" case, 1024 MB against the 512 MB leader: diff 0.8, interval
    // [0.17, 1.43]. More memory is never slower, so under speed it stays open…
    const slightly = ranked(1024, 100.8, 2, 50, "0.000004");
    expect(standing(leader, slightly, 0.01, true)).toBe("open");
    // …a smaller size with the same numbers is still out (it may truly be slower)…
    expect(standing(leader, ranked(256, 100.8, 2, 50, "0.000004"), 0.01, true)).toBe("out");
    // …and worse beyond the margin, [2.6, 3.4] > 1, the larger one is out too: the data wins.
    expect(standing(leader, ranked(1024, 103, 1, 50, "0.000004"), 0.01, true)).toBe("out");
  });

  it("under speed, a larger size is not called slower on fewer than 20 warm values", () => {
    // 1024 MB 30% slower than the 512 MB leader on 19 values: diff 30, hw = t(~21)·√(1/50 + 4/19)
    // ≈ 2.08·0.48 = 1.00 → [29.0, 31.0], far beyond ±1 — but 19 values of a function that more
    // memory cannot slow down are more likely a noisy draw: it stays open. On 20 the data wins.
    expect(standing(leader, ranked(1024, 130, 2, 19, "0.000004"), 0.01, true)).toBe("open");
    expect(standing(leader, ranked(1024, 130, 2, 20, "0.000004"), 0.01, true)).toBe("out");
    // Under cost, or for a smaller size, the floor does not apply.
    expect(standing(leader, ranked(1024, 130, 2, 19, "0.000004"), 0.01, false)).toBe("out");
    expect(standing(leader, ranked(256, 130, 2, 19, "0.000004"), 0.01, true)).toBe("out");
  });
});

describe("decide", () => {
  it("recommends the cheapest of the leader and the sizes equivalent to it", () => {
    const fastest = ranked(3008, 100, 1, 50, "0.000005");
    const same = ranked(1769, 100.3, 1, 50, "0.000003");
    const slower = ranked(1024, 140, 1, 50, "0.000002");
    const decision = decide([fastest, same, slower], { strategy: "speed", balancedWeight: 0.5 });
    expect(decision?.pick).toBe(same);
    expect(decision?.equivalent).toEqual([same]);
    expect(decision?.out).toEqual([slower]);
    expect(decision?.margin).toBe(0.02);
  });

  it("uses ±1% of cost by default, ±2% of duration for speed, or the option", () => {
    expect(equivalenceMarginOf({ strategy: "cost", balancedWeight: 0.5 })).toBe(0.01);
    expect(equivalenceMarginOf({ strategy: "balanced", balancedWeight: 0.5 })).toBe(0.01);
    expect(equivalenceMarginOf({ strategy: "speed", balancedWeight: 0.5 })).toBe(0.02);
    expect(
      equivalenceMarginOf({ strategy: "speed", balancedWeight: 0.5, equivalenceMargin: 0.05 }),
    ).toBe(0.05);
    expect(decide([], { strategy: "cost", balancedWeight: 0.5 })).toBeNull();
  });
});
