import { describe, expect, it } from "vitest";
import {
  estimateBlendedMean,
  estimateMean,
  mean,
  percentile,
  sampleStdDev,
  tQuantile975,
  trimmedMean,
} from "../../src/core/tuning/stats.js";

describe("percentile (type 7, linear between closest ranks)", () => {
  it.each([
    // rank = (n − 1)·p; value = x[⌊rank⌋] + frac·(x[⌊rank⌋+1] − x[⌊rank⌋])
    [[1, 2, 3, 4], 0.5, 2.5], // rank 1.5 → 2 + 0.5·1
    [[10, 20, 30], 0.9, 28], // rank 1.8 → 20 + 0.8·10
    [[30, 10, 20], 0.9, 28], // unsorted input
    [[5], 0.99, 5],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.99, 9.91], // rank 8.91 → 9 + 0.91
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9, 9.1], // rank 8.1 → 9 + 0.1
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.5, 5.5],
  ])("%j at %d is %d", (values, p, expected) => {
    expect(percentile(values, p)).toBeCloseTo(expected, 10);
  });
  it("is NaN for no values", () => expect(percentile([], 0.5)).toBeNaN());
});

describe("mean, standard deviation, trimming", () => {
  it.each([
    [[1, 2, 6], 3, Math.sqrt(7)], // squares 4 + 1 + 9 = 14, /2 = 7
    [[10, 12, 14, 16, 18], 14, Math.sqrt(10)], // 16+4+0+4+16 = 40, /4 = 10
    [[7], 7, 0],
  ])("%j has mean %d and s %d", (values, m, s) => {
    expect(mean(values)).toBeCloseTo(m, 12);
    expect(sampleStdDev(values)).toBeCloseTo(s, 12);
  });
  it.each([
    [[1, 2, 3, 4, 100], 0.2, 3], // ⌊5·0.2⌋ = 1 from each end
    [[1, 2, 3, 4, 100], 0, 22],
    [[100, 1, 2, 3, 4, 5, 6, 7, 8, 9], 0.2, 5.5], // drop 1,2 and 9,100 → mean(3..8)
  ])("trimmedMean(%j, %d) is %d", (values, trim, expected) => {
    expect(trimmedMean(values, trim)).toBeCloseTo(expected, 12);
  });
});

describe("tQuantile975", () => {
  it.each([
    [1, 12.7062],
    [4, 2.7764],
    [10, 2.2281],
    [30, 2.0423],
    [40, 2.0211], // tables: 2.0211
    [60, 2.0003], // tables: 2.0003
    [120, 1.9799], // tables: 1.9799
    [100000, 1.96],
  ])("df %d → %d", (df, expected) => {
    expect(tQuantile975(df)).toBeCloseTo(expected, 3);
  });
  it("is infinite below one degree of freedom", () => {
    expect(tQuantile975(0)).toBe(Number.POSITIVE_INFINITY);
  });
});

describe("estimateMean (95% t-interval)", () => {
  it("matches the formula by hand", () => {
    // mean 14, s = √10, se = √10/√5 = √2 = 1.41421, t(4) = 2.7764 → ±3.92642
    const estimate = estimateMean([10, 12, 14, 16, 18]);
    expect(estimate.mean).toBe(14);
    expect(estimate.halfWidth).toBeCloseTo(3.92642, 4);
    expect(estimate.ci95[0]).toBeCloseTo(10.07358, 4);
    expect(estimate.ci95[1]).toBeCloseTo(17.92642, 4);
  });
  it("has zero width for identical values", () => {
    expect(estimateMean([100, 100, 100]).ci95).toEqual([100, 100]);
  });
  it("is unbounded for one value and clamped at zero", () => {
    expect(estimateMean([5]).ci95).toEqual([0, Number.POSITIVE_INFINITY]);
    expect(estimateMean([0, 0, 0, 30]).ci95[0]).toBe(0); // 7.5 − 3.1824·15/2 < 0
  });
});

describe("estimateBlendedMean", () => {
  it.each<[number[], number[], number, number]>([
    [[100, 100], [500, 500], 0.01, 104], // 0.99·100 + 0.01·500
    [[100, 100], [500, 500], 0, 100], // share 0: warm only
    [[100, 120], [], 0.5, 110], // no cold value: warm only
    [[], [500, 700], 0.01, 600], // no warm value: cold only
  ])("warm %j, cold %j at %d → %d", (warm, cold, share, expected) => {
    expect(estimateBlendedMean(warm, cold, share).mean).toBeCloseTo(expected, 10);
  });
  it("combines the variances of both groups", () => {
    // warm [90, 110]: s² = 200, n 2; cold [400, 600]: s² = 20000, n 2; c = 0.1
    // Var = 0.81·200/2 + 0.01·20000/2 = 81 + 100 = 181; t(1) = 12.7062 → ±170.946
    const estimate = estimateBlendedMean([90, 110], [400, 600], 0.1);
    expect(estimate.mean).toBeCloseTo(140, 10); // 0.9·100 + 0.1·500
    expect(estimate.halfWidth).toBeCloseTo(12.7062 * Math.sqrt(181), 8);
  });
});
