/**
 * Which of many given sizes to measure at all: a coarse pass, then finer steps around the pick.
 *
 * Why this works: Lambda gives a function CPU in proportion to its memory, one full vCPU at
 * 1,769 MB (AWS Lambda developer guide, "Memory and computing power"). A function's duration
 * therefore never grows with memory, and single-threaded work stops speeding up at 1,769 MB;
 * its cost per invocation (memory × duration) is flat or falling up to a knee and rising after
 * it. Both curves have one valley, so the best of a coarse set of sizes brackets the optimum
 * between its measured neighbours, and bisecting those two gaps converges to it — measuring
 * about 2·log2(gap) more sizes instead of all of them.
 */

import { MB_PER_VCPU } from "../crossover/constants.js";

/** Up to this many sizes are all measured; above it the search starts coarse. */
export const COARSE_LIMIT = 8;

/**
 * The coarse pass: with at most COARSE_LIMIT sizes, all of them; else the smallest, the
 * largest, the sizes nearest to each doubling from the smallest, and the size nearest to
 * 1,769 MB.
 *
 * @example
 * coarseSizes(range 128..3008 step 64) // → [128, 256, 512, 1024, 1792, 2048, 3008]
 */
export function coarseSizes(sizes: readonly number[]): number[] {
  const sorted = [...new Set(sizes)].sort((a, b) => a - b);
  if (sorted.length <= COARSE_LIMIT) return sorted;
  const first = sorted[0]!;
  const last = sorted[sorted.length - 1]!;
  const targets = [MB_PER_VCPU, last];
  for (let target = first; target < last; target *= 2) targets.push(target);
  const chosen = new Set(targets.map((target) => nearest(sorted, target)));
  return sorted.filter((size) => chosen.has(size));
}

/**
 * The next finer step around `pickMb`: in each gap between it and its nearest measured
 * neighbour (below and above), the given size in the middle of the gap, if any is left.
 * Empty when both neighbours are adjacent to the pick in the given list (the search is done).
 *
 * @example
 * refineAround([128, 192, 256, 320, 384], [128, 384], 128) // → [256]
 */
export function refineAround(
  sizes: readonly number[],
  measured: readonly number[],
  pickMb: number,
): number[] {
  const sorted = [...new Set(sizes)].sort((a, b) => a - b);
  const done = new Set(measured);
  const below = Math.max(...measured.filter((m) => m < pickMb), Number.NEGATIVE_INFINITY);
  const above = Math.min(...measured.filter((m) => m > pickMb), Number.POSITIVE_INFINITY);
  const next: number[] = [];
  for (const [low, high] of [
    [below, pickMb],
    [pickMb, above],
  ] as const) {
    const gap = sorted.filter((m) => m > low && m < high && !done.has(m));
    if (gap.length > 0) next.push(gap[Math.floor((gap.length - 1) / 2)]!);
  }
  return next;
}

function nearest(sorted: readonly number[], target: number): number {
  return sorted.reduce((best, m) => (Math.abs(m - target) < Math.abs(best - target) ? m : best));
}
