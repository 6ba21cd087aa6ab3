/**
 * Splits a piecewise-linear cost curve (Lambda's: free tier, then tiers) into pieces on which
 * it is exactly linear in whole request counts, so a break-even search can reason about each
 * piece analytically instead of evaluating every volume.
 */
import { type Decimal, ZERO } from "../money/index.js";

export interface LinearPiece {
  /** First and last whole volume of the piece (pieces share their end points). */
  from: number;
  to: number;
  costFrom: Decimal;
  costTo: Decimal;
  /** Cost per extra request on this piece. */
  slope: Decimal;
}

/** Relative tolerance for "exactly linear": Decimal has 60 digits, so 1e-30 is far above noise. */
const TOLERANCE = 1e-30;
/** Bisection depth for an unexpected kink: 2^45 > 1e12 + 1, enough to isolate any kink. */
const MAX_DEPTH = 45;

function piece(f: (n: number) => Decimal, from: number, to: number): LinearPiece {
  const costFrom = f(from);
  const costTo = f(to);
  const slope = to > from ? costTo.minus(costFrom).div(to - from) : ZERO;
  return { from, to, costFrom, costTo, slope };
}

/** The cost the piece's straight line gives at n. */
export function onLine(p: LinearPiece, n: number): Decimal {
  return p.costFrom.plus(p.slope.times(n - p.from));
}

function isLinear(f: (n: number) => Decimal, p: LinearPiece): boolean {
  if (p.to - p.from < 2) return true;
  const span = p.to - p.from;
  for (const n of [p.from + Math.floor(span / 3), p.from + Math.floor((2 * span) / 3)]) {
    if (n <= p.from || n >= p.to) continue;
    const actual = f(n);
    const scale = actual.abs().gt(1) ? actual.abs() : ZERO.plus(1);
    if (actual.minus(onLine(p, n)).abs().gt(scale.times(TOLERANCE))) return false;
  }
  return true;
}

function split(f: (n: number) => Decimal, p: LinearPiece, depth: number, out: LinearPiece[]) {
  if (depth >= MAX_DEPTH || isLinear(f, p)) {
    out.push(p);
    return;
  }
  const mid = p.from + Math.floor((p.to - p.from) / 2);
  split(f, piece(f, p.from, mid), depth + 1, out);
  split(f, piece(f, mid, p.to), depth + 1, out);
}

/**
 * Linear pieces of `f` over [from, to]. `kinks` are where the caller expects the slope to change
 * (free-tier ends, tier boundaries, as fractional volumes); each becomes a boundary at its floor
 * and ceiling. Pieces are checked at two interior points and split further if they bend, so a
 * missing hint costs evaluations, not correctness.
 *
 * @example
 * // cost = max(0, n − 1,000,000) × 0.0000002: two pieces, [1, 1e6] flat, [1e6, 1e12] rising
 * linearPieces((n) => dec(Math.max(0, n - 1e6)).times("0.0000002"), 1, 1e12, [1e6]);
 */
export function linearPieces(
  f: (n: number) => Decimal,
  from: number,
  to: number,
  kinks: readonly number[],
): LinearPiece[] {
  const points = new Set<number>([from, to]);
  for (const kink of kinks) {
    if (!Number.isFinite(kink)) continue;
    for (const n of [Math.floor(kink), Math.ceil(kink)]) if (n > from && n < to) points.add(n);
  }
  const sorted = [...points].sort((a, b) => a - b);
  const out: LinearPiece[] = [];
  for (let i = 0; i + 1 < sorted.length; i++) {
    split(f, piece(f, sorted[i] as number, sorted[i + 1] as number), 0, out);
  }
  if (out.length === 0) out.push(piece(f, from, to));
  return out;
}
