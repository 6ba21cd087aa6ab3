/** Small formatters shared by the crossover renderers. */
import type { BreakEven } from "../core/crossover/types.js";
import { formatCount } from "../core/money/index.js";

/** 1500000 → "1.5M"; 10000000000 → "10B"; 999 → "999". */
export function compactCount(n: number): string {
  const units: Array<[number, string]> = [
    [1e12, "T"],
    [1e9, "B"],
    [1e6, "M"],
    [1e3, "k"],
  ];
  for (const [size, suffix] of units) {
    if (n >= size) return `${Number((n / size).toPrecision(3))}${suffix}`;
  }
  return String(n);
}

/** "226,242,690 requests a month (86.09 rps average)", or why there is none. */
export function describeBreakEven(b: BreakEven): string {
  if (b.status === "never" || b.requestsPerMonth === null) {
    return "never below 1e12 requests a month";
  }
  const rps = b.averageRps ? b.averageRps.toDecimalPlaces(2).toFixed(2) : "?";
  const first =
    b.status === "always"
      ? "always (from 1 request a month)"
      : `${formatCount(b.requestsPerMonth, 0)} requests a month (${rps} rps average)`;
  const type = b.instanceType ? ` with ${b.instanceType}` : "";
  return `${first}${type}${describeSustained(b)}`;
}

/** "; at every volume from 1,100,000,000 to 10B" when Lambda is cheaper at times in between. */
export function describeSustained(b: BreakEven): string {
  const steady = b.steadyFromRequestsPerMonth;
  if (b.requestsPerMonth === null || b.requestsPerMonth > 1e10 || steady === b.requestsPerMonth) {
    return "";
  }
  if (steady === null) return "; Lambda is cheaper again at some volumes up to 10B";
  const type =
    b.steadyInstanceType && b.steadyInstanceType !== b.instanceType
      ? ` (${b.steadyInstanceType})`
      : "";
  return `; at every volume from ${formatCount(steady, 0)}${type} to 10B`;
}
