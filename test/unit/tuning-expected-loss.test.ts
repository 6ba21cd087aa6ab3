import { describe, expect, it } from "vitest";
import {
  expectedLoss,
  leaderExpectedLoss,
  normalCdf,
  normalDensity,
  pooledRelativeSpread,
} from "../../src/core/tuning/expected-loss.js";
import type { RankedSize } from "../../src/core/tuning/rank.js";
import type { SizeSummary } from "../../src/core/tuning/types.js";

/** A ranked size with only what the expected loss reads: score, spread and n. */
function ranked(memoryMb: number, score: number, stdDev: number, n: number): RankedSize {
  const summary = { memoryMb } as unknown as SizeSummary;
  return { summary, score, low: score, high: score, n, stdDev };
}

describe("the standard normal", () => {
  it("matches the tables", () => {
    expect(normalDensity(0)).toBeCloseTo(0.398942, 6); // 1/√(2π)
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1.959964)).toBeCloseTo(0.975, 6);
    expect(normalCdf(-1)).toBeCloseTo(0.158655, 6);
    expect(normalCdf(-3)).toBeCloseTo(0.0013499, 7);
  });
});

describe("expectedLoss(d, s) = s·φ(d/s) − d·Φ(−d/s)", () => {
  it("is φ(0)·s for a dead heat", () => {
    expect(expectedLoss(0, 1)).toBeCloseTo(0.398942, 6);
    expect(expectedLoss(0, 0.05)).toBeCloseTo(0.0199471, 7);
  });

  it("falls as the leader's lead grows", () => {
    // d = s = 1: φ(1) − Φ(−1) = 0.241971 − 0.158655 = 0.083315
    expect(expectedLoss(1, 1)).toBeCloseTo(0.083315, 6);
    // d = 3s: 0.004432 − 3·0.0013499 = 0.000382
    expect(expectedLoss(3, 1)).toBeCloseTo(0.000382, 6);
  });

  it("is the shortfall itself when the difference is known, and unbounded without a spread", () => {
    expect(expectedLoss(0.02, 0)).toBe(0);
    expect(expectedLoss(-0.02, 0)).toBe(0.02);
    expect(expectedLoss(0.02, Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
  });
});

describe("the leader's expected loss", () => {
  it("pools the relative spread over sizes, weighted by n − 1", () => {
    // 11 values with a spread of 10% of the mean and 31 with 20%: √((10·0.01 + 30·0.04)/40)
    // = √0.0325 = 0.180278. A size with one value carries no spread.
    const sizes = [ranked(512, 100, 10, 11), ranked(1024, 105, 21, 31), ranked(2048, 300, 0, 1)];
    expect(pooledRelativeSpread(sizes)).toBeCloseTo(0.180278, 6);
    expect(pooledRelativeSpread([ranked(128, 1, 0, 1)])).toBe(Number.POSITIVE_INFINITY);
  });

  it("matches a hand computation", () => {
    // Leader 100 (n 20, s 20), open 110 (n 20, s 22): cv 0.2 on both, pooled 0.2.
    // se = 0.2·√(100²/20 + 110²/20) = 0.2·√1105 = 6.64831, i.e. 0.0664831 of the leader;
    // d = 0.1, d/se = 1.504142, φ = 0.1287143, Φ(−1.504142) = 0.0662724;
    // loss = 0.0664831·0.1287143 − 0.1·0.0662724 = 0.0085573 − 0.0066272 = 0.0019301.
    const leader = ranked(512, 100, 20, 20);
    const open = ranked(1024, 110, 22, 20);
    expect(leaderExpectedLoss(leader, [open], [])).toBeCloseTo(0.0019301, 7);
    // Nothing open: nothing to lose. Two sizes open: the losses add up.
    expect(leaderExpectedLoss(leader, [], [open])).toBe(0);
    expect(leaderExpectedLoss(leader, [open, open], [])).toBeCloseTo(2 * 0.0019301, 7);
  });

  it("takes the spread of sizes already out into the pool", () => {
    // The out size (n 41, s 40% of 200) makes the pool √((19·0.04 + 19·0.04 + 40·0.16)/78) =
    // √0.1015385 = 0.318651; se = 0.318651·√1105/100 = 0.1059245, d/se = 0.944069,
    // φ = 0.2554902, Φ(−0.944069) = 0.1725673; loss = 0.0270627 − 0.0172567 = 0.0098059.
    const leader = ranked(512, 100, 20, 20);
    const open = ranked(1024, 110, 22, 20);
    const out = ranked(2048, 200, 80, 41);
    expect(leaderExpectedLoss(leader, [open], [out])).toBeCloseTo(0.0098059, 6);
  });
});
