import { describe, expect, it } from "vitest";
import { dec, formatUsd, sum, toPlainString } from "../../src/core/money/index.js";

describe("money", () => {
  it("adds without float error", () => {
    expect(sum([dec("0.1"), dec("0.2")]).equals(dec("0.3"))).toBe(true);
  });
  it("keeps 20e9 GB-s times a 10-digit price exact", () => {
    // 6e9 × 0.0000166667 = 100000.2, by hand.
    expect(toPlainString(dec("6000000000").times("0.0000166667"))).toBe("100000.2");
  });
  it.each([
    ["2.733338", "$2.73"],
    ["2.735", "$2.74"],
    ["301667.2", "$301,667.20"],
    ["0", "$0.00"],
    ["-1.005", "-$1.01"],
    ["-0.001", "$0.00"],
  ])("formats %s as %s", (raw, expected) => {
    expect(formatUsd(dec(raw))).toBe(expected);
  });
  it("formats with more places on request", () => {
    expect(formatUsd(dec("0.0000002"), 7)).toBe("$0.0000002");
  });
});
