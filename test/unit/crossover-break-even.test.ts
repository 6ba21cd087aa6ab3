/**
 * Break-even search on step-shaped fleet costs against piecewise-linear Lambda costs: exact
 * answers checked by brute force over every volume on small synthetic curves, and by the
 * definition (no dearer at N, dearer at N − 1) on the real price tables.
 */
import { describe, expect, it } from "vitest";
import { firstBreakEven, type StepCurve } from "../../src/core/crossover/break-even.js";
import { toBreakEven } from "../../src/core/crossover/break-even-report.js";
import { linearPieces } from "../../src/core/crossover/linear-pieces.js";
import { sustainedBreakEven } from "../../src/core/crossover/sustained.js";
import { type Decimal, dec } from "../../src/core/money/index.js";

/** A small deterministic PRNG (mulberry32) so the cases are the same on every run. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Lambda-like: free up to `free`, then `p1` a request up to `tier`, then `p2` (p2 < p1). */
function tieredCost(free: number, tier: number, p1: Decimal, p2: Decimal) {
  return (n: number): Decimal => {
    const billable = Math.max(0, n - free);
    const first = Math.min(billable, Math.max(0, tier - free));
    return p1.times(first).plus(p2.times(billable - first));
  };
}

/** units(n) = max(min, ceil(n / R)) with a whole R, so step k ends exactly at k × R. */
function steps(perUnit: number, minUnits: number, unitCost: Decimal): StepCurve {
  return {
    minUnits,
    unitCost,
    unitsAt: (n) => Math.max(minUnits, Math.ceil(n / perUnit)),
    stepTop: (k) => k * perUnit,
    requestsPerUnit: perUnit,
  };
}

function bruteFirst(f: (n: number) => Decimal, s: StepCurve, to: number): number | null {
  for (let n = 1; n <= to; n++) if (s.unitCost.times(s.unitsAt(n)).lte(f(n))) return n;
  return null;
}

function bruteSustained(f: (n: number) => Decimal, s: StepCurve, to: number): number | null {
  for (let n = to; n >= 1; n--) {
    if (s.unitCost.times(s.unitsAt(n)).gt(f(n))) return n === to ? null : n + 1;
  }
  return 1;
}

describe("firstBreakEven and sustainedBreakEven agree with brute force", () => {
  const random = prng(20261126);
  const LIMIT = 6000;
  const cases = Array.from({ length: 150 }, (_, i) => {
    const free = Math.floor(random() * 800);
    const tier = free + Math.floor(random() * 3000);
    // Prices in thousandths, so slopes and step costs are exact decimals.
    const p1 = dec(Math.floor(1 + random() * 40)).div(1000);
    const p2 = p1.times(dec(Math.floor(3 + random() * 7)).div(10));
    const perUnit = Math.floor(20 + random() * 900);
    const minUnits = 1 + Math.floor(random() * 4);
    const unitCost = dec(Math.floor(1 + random() * 30000)).div(1000);
    return { i, free, tier, p1, p2, perUnit, minUnits, unitCost };
  });

  it.each(cases)("case $i", ({ free, tier, p1, p2, perUnit, minUnits, unitCost }) => {
    const f = tieredCost(free, tier, p1, p2);
    const s = steps(perUnit, minUnits, unitCost);
    const pieces = linearPieces(f, 1, LIMIT, [free, tier]);
    const first = firstBreakEven(f, pieces, s, 1, LIMIT);
    expect(first).toBe(bruteFirst(f, s, LIMIT));
    if (first !== null) {
      expect(sustainedBreakEven(f, pieces, s, 1, LIMIT)).toBe(bruteSustained(f, s, LIMIT));
    }
  });

  it("finds kinks it was not told about (bisection fallback)", () => {
    const f = tieredCost(300, 2000, dec("0.01"), dec("0.004"));
    const s = steps(250, 2, dec("2.3"));
    const pieces = linearPieces(f, 1, LIMIT, []);
    expect(firstBreakEven(f, pieces, s, 1, LIMIT)).toBe(bruteFirst(f, s, LIMIT));
  });
});

describe("firstBreakEven at scale", () => {
  it("finds a break-even near 1e11 inside a huge minimum fleet", () => {
    // Lambda $0.001 a request; a unit carries 1,000 requests for $0.999999. A minimum fleet of
    // 1e8 units costs 1e8 × 0.999999 = $99,999,900 and covers 1e8 × 1,000 = 1e11 requests;
    // Lambda reaches $99,999,900 at 99,999,900,000 requests, inside that first step.
    const f = (n: number) => dec(n).times("0.001");
    const s = steps(1000, 100_000_000, dec("0.999999"));
    expect(firstBreakEven(f, linearPieces(f, 1, 1e12, []), s, 1, 1e12)).toBe(99_999_900_000);
  });

  it("reports 'always' when the fleet is no dearer from the first request", () => {
    // Lambda $10 a request; one unit ($1) carries 1,000 requests: at 1 request $1 ≤ $10.
    const f = (n: number) => dec(n).times(10);
    const s = steps(1000, 1, dec(1));
    const first = firstBreakEven(f, linearPieces(f, 1, 1e12, []), s, 1, 1e12);
    expect(first).toBe(1);
    expect(toBreakEven(first, 1).status).toBe("always");
    expect(toBreakEven(null, null)).toMatchObject({ status: "never", requestsPerMonth: null });
  });

  it("returns null when the fleet's cost per request is always above Lambda's", () => {
    // Each unit ($2) carries 1,000 requests = $0.002 a request > Lambda's $0.001.
    const f = (n: number) => dec(n).times("0.001");
    const s = steps(1000, 1, dec(2));
    expect(firstBreakEven(f, linearPieces(f, 1, 1e12, []), s, 1, 1e12)).toBeNull();
  });

  it("skips millions of losing steps analytically", () => {
    // Lambda: free up to 1e6 requests, then $0.001 each. A unit carries 1,000 requests for
    // $0.9995, at least 1. At the top of step k (1,000k requests) Lambda costs k − 1,000 and
    // the fleet 0.9995k: the fleet wins once 0.0005k ≥ 1,000, i.e. k = 2,000,000, whose top
    // is 2e9 requests (Lambda (2e9 − 1e6) × 0.001 = 1,999,000 = fleet 0.9995 × 2e6). One step
    // earlier, at 1,999,999,000 requests: Lambda 1,998,999 < fleet 1,998,999.0005.
    let evaluations = 0;
    const f = (n: number) => {
      evaluations += 1;
      return dec(Math.max(0, n - 1e6)).times("0.001");
    };
    const fleet = steps(1000, 1, dec("0.9995"));
    const s: StepCurve = {
      ...fleet,
      unitsAt: (n) => {
        evaluations += 1;
        return fleet.unitsAt(n);
      },
      stepTop: (k) => {
        evaluations += 1;
        return fleet.stepTop(k);
      },
    };
    const pieces = linearPieces(f, 1, 1e12, [1e6]);
    evaluations = 0;
    expect(firstBreakEven(f, pieces, s, 1, 1e12)).toBe(2_000_000_000);
    // But each step up costs the fleet $0.9995 while Lambda gains $0.001 a request, so just
    // above a step boundary Lambda is cheaper again: at the bottom of step k + 1 (1,000k + 1
    // requests) Lambda costs k − 999.999 and the fleet 0.9995(k + 1), dearer while
    // 0.0005k < 1,000.9985, i.e. up to step 2,001,997. In that step the fleet costs
    // 0.9995 × 2,001,997 = 2,000,996.0015; Lambda reaches it at 2,000,996,001.5 billable
    // requests → the last dearer volume is 2,001,996,001 and the fleet is no dearer for good
    // from 2,001,996,002 (Lambda 2,000,996.002).
    expect(sustainedBreakEven(f, pieces, s, 1, 1e12)).toBe(2_001_996_002);
    // Analytically, not step by step: a walk would look at each of the 2,000,000 steps. Counted,
    // not timed (the 2 s limit this replaces measured the machine's load as much as the search).
    expect(evaluations).toBeLessThan(1000);
  });
});

describe("a fleet needing more units than a float counts", () => {
  it("never breaks even, and the search ends (k + 1 === k once looped forever)", () => {
    // Lambda $0.000002 a request; the fleet needs 1e300 units of $1 at every volume.
    const lambda = (n: number) => dec(n).times("0.000002");
    const pieces = linearPieces(lambda, 1, 1e12, []);
    const huge: StepCurve = {
      minUnits: 1,
      unitCost: dec(1),
      unitsAt: () => Number.POSITIVE_INFINITY,
      stepTop: () => Number.MAX_SAFE_INTEGER - 1,
      requestsPerUnit: 1e-300,
    };
    expect(firstBreakEven(lambda, pieces, huge, 1, 1e12)).toBeNull();
    // Dearer at the search limit itself: no "for good from" either.
    expect(sustainedBreakEven(lambda, pieces, huge, 1, 1e12)).toBeNull();
  });
});
