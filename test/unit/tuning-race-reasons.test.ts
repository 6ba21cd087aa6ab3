import { describe, expect, it } from "vitest";
import type { Decision } from "../../src/core/tuning/equivalence.js";
import {
  lossReason,
  settledReason,
  settlePointReason,
} from "../../src/core/tuning/race-reasons.js";
import type { RankedSize } from "../../src/core/tuning/rank.js";
import type { SizeSummary } from "../../src/core/tuning/types.js";

/** A ranked size with only what the stop reasons read: its memory. */
const size = (memoryMb: number) => ({ summary: { memoryMb } as SizeSummary }) as RankedSize;
const [s512, s768, s1024, s1769, s3008] = [
  size(512),
  size(768),
  size(1024),
  size(1769),
  size(3008),
];

function decision(parts: Partial<Decision> & Pick<Decision, "leader">): Decision {
  return { pick: parts.leader, equivalent: [], out: [], open: [], margin: 0.01, ...parts };
}

describe("the race's stop reasons", () => {
  it("the expected-loss stop names an equivalent pick that is not the leader", () => {
    const d = decision({ leader: s1024, pick: s768, equivalent: [s768], open: [s512] });
    expect(lossReason(d, 0.002, 0.005, null)).toBe(
      "1024 MB leads 512 MB, which is not told apart from it; the expected loss of picking it is 0.20% of its cost, under 0.50%; recommending the cheapest of the sizes equivalent to the best within ±1%, 768 MB",
    );
    const leads = decision({ leader: s1024, open: [s512, s1769] });
    expect(lossReason(leads, 0.0049, 0.005, null)).toBe(
      "1024 MB leads 512 MB, 1769 MB, which are not told apart from it; the expected loss of picking it is 0.49% of its cost, under 0.50%",
    );
  });

  it("prints the margin as written", () => {
    const d = decision({ leader: s1769, pick: s1024, equivalent: [s1024], margin: 0.07 });
    expect(settledReason(d, null)).toBe(
      "1024 MB, 1769 MB are equivalent within ±7% (95% interval of the difference); recommending the cheapest, 1024 MB",
    );
  });

  it("at a settle point says why the pick is the pick, under speed", () => {
    const racing = [s1769, s1024];
    const larger = decision({
      leader: s1769,
      pick: s3008,
      open: [s1024],
      largerNotToldApart: true,
    });
    expect(settlePointReason(larger, racing, 20, null, true)).toMatch(
      /; recommending the largest, 3008 MB: duration never grows with memory$/,
    );
    const cheaper = decision({ leader: s1769, pick: s1024, equivalent: [s1024], margin: 0.02 });
    expect(settlePointReason(cheaper, racing, 20, null, true)).toMatch(
      /; recommending the cheapest of the sizes equivalent to the fastest within ±2%, 1024 MB$/,
    );
    const fastest = decision({ leader: s1769, open: [s1024] });
    expect(settlePointReason(fastest, racing, 20, null, true)).toBe(
      "1769 MB, 1024 MB have 20 invocations each and are still not told apart (the CPU-scaling model does not fit the sizes measured); recommending the fastest, 1769 MB",
    );
    expect(settlePointReason(fastest, racing, 40, null, false)).toMatch(
      /; recommending the best measured$/,
    );
  });
});
