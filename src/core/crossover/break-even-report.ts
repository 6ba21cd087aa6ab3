/** Turning search results into BreakEven answers, for Fargate and for EC2 as a whole. */
import type { BreakEven } from "./types.js";
import { averageRps } from "./work.js";

export function toBreakEven(
  first: number | null,
  steady: number | null,
  instanceType?: string,
): BreakEven {
  const type = instanceType ? { instanceType, steadyInstanceType: instanceType } : {};
  if (first === null) {
    return {
      status: "never",
      requestsPerMonth: null,
      averageRps: null,
      steadyFromRequestsPerMonth: null,
    };
  }
  return {
    status: first <= 1 ? "always" : "from",
    requestsPerMonth: first,
    averageRps: averageRps(first),
    steadyFromRequestsPerMonth: steady,
    ...type,
  };
}

/** EC2 or LMI as a whole: the earliest first break-even and the earliest steady one, by type. */
export function overallEc2(
  candidates: ReadonlyArray<{ instanceType: string; breakEven: BreakEven }>,
): BreakEven {
  const by = (key: (b: BreakEven) => number | null) =>
    candidates
      .filter((c) => key(c.breakEven) !== null)
      .sort((a, b) => (key(a.breakEven) ?? 0) - (key(b.breakEven) ?? 0))[0];
  const first = by((b) => b.requestsPerMonth);
  if (!first) return toBreakEven(null, null);
  const steady = by((b) => b.steadyFromRequestsPerMonth);
  return {
    ...first.breakEven,
    steadyFromRequestsPerMonth: steady?.breakEven.steadyFromRequestsPerMonth ?? null,
    steadyInstanceType: steady?.instanceType,
  };
}
