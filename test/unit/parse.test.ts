import { InvalidArgumentError } from "commander";
import { describe, expect, it } from "vitest";
import {
  fraction,
  integerInRange,
  oneOf,
  parseCount,
  parseDurationMs,
} from "../../src/cli/parse.js";

describe("parseCount", () => {
  it.each([
    ["3000000", 3_000_000],
    ["3M", 3_000_000],
    ["500k", 500_000],
    ["1.5B", 1_500_000_000],
    ["1.1M", 1_100_000],
    ["7,440,000", 7_440_000],
    ["1_000", 1000],
    ["2e6", 2_000_000],
    ["0", 0],
  ])("reads %s as %d", (raw, expected) => {
    expect(parseCount(raw)).toBe(expected);
  });

  it.each(["-5", "abc", "1.5", "3X", "", "1.0000001M"])("rejects %s with a hint", (raw) => {
    expect(() => parseCount(raw)).toThrow(InvalidArgumentError);
    expect(() => parseCount(raw)).toThrow(/3M/);
  });
});

describe("parseDurationMs", () => {
  it.each([
    ["120ms", 120],
    ["120", 120],
    ["1.5s", 1500],
    ["2m", 120_000],
    ["0.5 ms", 0.5],
  ])("reads %s as %d ms", (raw, expected) => {
    expect(parseDurationMs(raw)).toBe(expected);
  });

  it.each(["-1ms", "fast", "1h", ""])("rejects %s", (raw) => {
    expect(() => parseDurationMs(raw)).toThrow(/not a duration/);
  });
});

describe("integerInRange", () => {
  const memory = integerInRange("memory (MB)", 128, 10240);
  it("accepts the bounds", () => {
    expect(memory("128")).toBe(128);
    expect(memory("10240")).toBe(10240);
  });
  it.each(["127", "10241", "256.5", "x"])("rejects %s naming the range", (raw) => {
    expect(() => memory(raw)).toThrow("memory (MB) must be a whole number from 128 to 10240");
  });
});

describe("fraction and oneOf", () => {
  it("accepts (0, 1] and rejects 0 unless allowed", () => {
    expect(fraction("x")("1")).toBe(1);
    expect(() => fraction("x")("0")).toThrow(/greater than 0/);
    expect(fraction("w", { allowZero: true })("0")).toBe(0);
    expect(() => fraction("w")("1.01")).toThrow(/at most 1/);
  });
  it("lists the allowed words", () => {
    expect(oneOf("arch", ["x86_64", "arm64"])("arm64")).toBe("arm64");
    expect(() => oneOf("arch", ["x86_64", "arm64"])("amd64")).toThrow(
      'unknown arch "amd64"; use one of: x86_64, arm64.',
    );
  });
});
