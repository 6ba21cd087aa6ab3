import { describe, expect, it } from "vitest";
import { parseMargin, parseSizes } from "../../src/cli/commands/tune.js";
import { parseSizeList } from "../../src/core/tuning/size-list.js";

describe("parseSizeList", () => {
  it.each<[string, number[]]>([
    ["512,128,512", [128, 512]],
    ["128..384", [128, 192, 256, 320, 384]],
    // B is always measured, even off the step: 128, 228, 328, 400.
    ["128..400:100", [128, 228, 328, 400]],
    ["512..768:128, 128", [128, 512, 640, 768]],
    ["1024..1792:256,1769", [1024, 1280, 1536, 1769, 1792]],
  ])("%s → %j", (raw, sizes) => {
    expect(parseSizeList(raw)).toEqual({ sizes });
  });

  it("gives 46 sizes for 128..3008 (step 64)", () => {
    const parsed = parseSizeList("128..3008");
    expect("sizes" in parsed && parsed.sizes.length).toBe(46);
    expect("sizes" in parsed && parsed.sizes.at(-1)).toBe(3008);
  });

  it.each<[string, RegExp]>([
    [",", /^the size list is empty/],
    ["64,128", /^size "64" is not a whole number of MB from 128 to 10240$/],
    ["128.5", /^size "128.5" is not a whole number/],
    [
      "3008..128",
      /^range "3008..128" runs backwards; write the smaller size first, e.g. 128..3008$/,
    ],
    ["64..3008", /^range "64..3008" is not FROM..TO or FROM..TO:STEP/],
    ["128..128", /^range "128..128" is not FROM..TO/],
    ["100..3008", /^range "100..3008" is not/],
    ["128..20000", /^range "128..20000" is not/],
    ["128..3008:0", /^range "128..3008:0" has step 0 MB; use a step from 1 to 2880$/],
    ["128..256:500", /has step 500 MB; use a step from 1 to 128$/],
    ["128..3008:x", /^range "128..3008:x" is not/],
    ["128...3008", /^range "128...3008" is not/],
    [
      "128..10240:1",
      /^range "128..10240:1" gives more than 100 sizes; use a coarser step, e.g. 128..10240:103$/,
    ],
    ["128..3008:32,3100..10240:64", /gives more than 100 sizes/],
  ])("rejects %j", (raw, message) => {
    const parsed = parseSizeList(raw);
    expect("error" in parsed && parsed.error).toMatch(message);
  });
});

describe("tune's CLI parsers", () => {
  it("--sizes takes ranges and auto", () => {
    expect(parseSizes("128..384:128,1769")).toEqual([128, 256, 384, 1769]);
    expect(parseSizes(" auto ")).toBe("auto");
  });

  it("--equivalence-margin takes a percentage or a share", () => {
    expect(parseMargin("1%")).toBe(0.01);
    expect(parseMargin("2.5%")).toBeCloseTo(0.025, 12);
    expect(parseMargin("0.02")).toBe(0.02);
    expect(parseMargin("0")).toBe(0);
    for (const bad of ["", "%", "-1%", "51%", "0.6", "NaN", "1e400"]) {
      expect(() => parseMargin(bad)).toThrow(/is not a share from 0 to 50%/);
    }
  });
});
