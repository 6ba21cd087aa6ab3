/** The one set of number rules for flags and scenario files (src/cli/parse.ts). */
import { InvalidArgumentError } from "commander";
import { describe, expect, it } from "vitest";
import { commanderErrorLine, terminalLine } from "../../src/cli/error-line.js";
import {
  durationIn,
  fraction,
  integerInRange,
  memoryMb,
  numberIn,
  oneOf,
  parseCount,
  parseDurationMs,
} from "../../src/cli/parse.js";
import { closestMatch, editDistance } from "../../src/core/closest-match.js";
import { LAMBDA_LIMITS } from "../../src/core/lambda-limits.js";
import { shown } from "../../src/core/validation/issue-path.js";

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
    ["1e+6", 1_000_000],
    ["0", 0],
    ["3e15", 3e15],
  ])("reads %s as %d", (raw, expected) => {
    expect(parseCount(raw)).toBe(expected);
  });

  it.each([
    ["-5", /"-5" is negative/],
    ["abc", /"abc" is not a count/],
    ["1.5", /"1.5" is not a whole count/],
    ["3X", /"3X" is not a count/],
    ["", /"" is not a count/],
    ["1.0000001M", /is not a whole count/],
    ["0x10", /"0x10" is not a count/],
    ["Infinity", /not a count/],
    ["1e-3", /not a whole count/],
    ["1e999999999", /"1e999999999" is too large/],
    ["1e300", /more than AWS could bill in a month; use at most 3000000000000000/],
    ["3000000000000001", /more than AWS could bill/],
  ])("rejects %j", (raw, message) => {
    expect(() => parseCount(raw)).toThrow(InvalidArgumentError);
    expect(() => parseCount(raw)).toThrow(message);
  });
});

describe("parseDurationMs and durationIn", () => {
  it.each([
    ["120ms", 120],
    ["120", 120],
    ["1.5s", 1500],
    ["2min", 120_000],
    ["0.5 ms", 0.5],
    ["1e3", 1000],
  ])("reads %s as %d ms", (raw, expected) => {
    expect(parseDurationMs(raw)).toBe(expected);
  });

  it.each([
    ["-1ms", /is negative/],
    ["fast", /not a duration/],
    ["1h", /not a duration/],
    ["", /not a duration/],
    ["0x10", /not a duration/],
    ["16m", /"16m" is ambiguous \(minutes or milliseconds\?\); write 16min or 16ms/],
    ["1e400", /"1e400" is too large/],
  ])("rejects %j", (raw, message) => {
    expect(() => parseDurationMs(raw)).toThrow(message);
  });

  it("holds a duration to Lambda's limits", () => {
    const invocation = durationIn(LAMBDA_LIMITS.durationMs, "why");
    expect(invocation("900s")).toBe(900_000);
    expect(() => invocation("0")).toThrow(/"0" is below 1 ms; use 1 to 900000 ms \(why\)/);
    expect(() => invocation("15.1min")).toThrow(/is above 900000 ms/);
  });
});

describe("integerInRange, memoryMb, numberIn, fraction", () => {
  const memory = integerInRange(128, 10240, "MB");
  it("accepts the bounds", () => {
    expect(memory("128")).toBe(128);
    expect(memory("10240")).toBe(10240);
  });
  it.each([
    ["127", /"127" is below 128; use a whole number of MB from 128 to 10240/],
    ["10241", /is above 10240/],
    ["256.5", /is not a whole number/],
    ["x", /is not a plain decimal number/],
    ["0x80", /is not a plain decimal number/],
  ])("rejects %s naming the range", (raw, message) => {
    expect(() => memory(raw)).toThrow(message);
  });
  it.each([
    ["1GB", "1024"],
    ["2 gib", "2048"],
    ["512MB", "512"],
  ])("%s: names the number of MB to type", (raw, mb) => {
    expect(() => memoryMb()(raw)).toThrow(`give the number of MB alone, e.g. ${mb}`);
  });
  it("numberIn refuses hex, Infinity and NaN", () => {
    const hours = numberIn(LAMBDA_LIMITS.hoursPerMonth);
    expect(hours("730")).toBe(730);
    for (const raw of ["0x10", "Infinity", "NaN", "1e999"]) expect(() => hours(raw)).toThrow();
  });
  it("fraction is (0, 1] unless zero is allowed", () => {
    expect(fraction()("1")).toBe(1);
    expect(() => fraction()("0")).toThrow(/"0" is too small; use a number greater than 0 to 1/);
    expect(fraction({ allowZero: true })("0")).toBe(0);
    expect(() => fraction()("1.01")).toThrow(/too large/);
  });
});

describe("oneOf", () => {
  const arch = oneOf(["x86_64", "arm64"], { aarch64: "arm64", arm: "arm64" });
  it("accepts exact words and names the one meant on a near miss", () => {
    expect(arch("arm64")).toBe("arm64");
    expect(() => arch("ARM64")).toThrow('"ARM64" is not a known value; did you mean arm64?');
    expect(() => arch("aarch64")).toThrow("did you mean arm64?");
    expect(() => arch("sparc")).toThrow('"sparc" is not a known value; use one of: x86_64, arm64');
  });
});

describe("commanderErrorLine", () => {
  it.each([
    [
      "error: option '--memory <MB>' argument '64' is invalid. \"64\" is below 128; use x",
      '--memory "64" is below 128; use x',
    ],
    ["error: unknown option '--output'", "unknown option --output; did you mean --format?"],
    ["error: unknown option '--output=json'", "unknown option --output; did you mean --format?"],
    [
      "error: unknown option '--sise'\n(Did you mean --sizes?)",
      "unknown option --sise; did you mean --sizes?",
    ],
    ["error: unknown option '--zz'", "unknown option --zz; see --help for the options"],
    [
      "error: unknown command 'estimat'\n(Did you mean estimate?)",
      'unknown command "estimat"; did you mean estimate?',
    ],
    [
      "error: option '--memory <MB>' argument missing",
      "--memory needs a value; see --help for what it takes",
    ],
    ["error: required option '--config <file>' not specified", "--config is required; see --help"],
    [
      "error: missing required argument 'function'",
      "the <function> argument is missing; see --help",
    ],
  ])("%j", (message, line) => {
    expect(commanderErrorLine(message)).toBe(line);
  });
});

describe("closestMatch (did you mean …?)", () => {
  const regions = ["eu-west-1", "eu-west-2", "us-east-1"];
  const fields = ["name", "memoryMb", "requests", "duration", "arn"];
  it.each([
    ["EU-WEST-1", regions, "eu-west-1"],
    ["eu-west1", regions, "eu-west-1"],
    ["euwest2", regions, "eu-west-2"],
    ["mars-1", regions, undefined],
    // A unit left off, a letter dropped, case: the field meant.
    ["memory", fields, "memoryMb"],
    ["requets", fields, "requests"],
    ["NAME", fields, "name"],
    ["us-east-3", regions, "us-east-1"],
    // Two letters swapped are one typo.
    ["freeTeir", ["freeTier", "functions"], "freeTier"],
    ["jsno", ["table", "json", "csv"], "json"],
    // The start of one known word.
    ["arm", ["x86_64", "arm64"], "arm64"],
    // A short word two edits away is another word, not a typo; nor is a lone character.
    ["xml", ["table", "json", "csv"], undefined],
    ["ab", fields, undefined],
    ["3", ["2", "4", "8"], undefined],
    ["eu", regions, undefined],
    ["timeout", fields, undefined],
  ])("%s → %s", (given, known, meant) => {
    expect(closestMatch(given, known)).toBe(meant);
  });
});

describe("editDistance with a limit", () => {
  it.each([
    ["freeTeir", "freeTier", 2, 1],
    ["memory", "memoryMb", 2, 2],
    ["memory", "memoryMb", 1, 2],
    // Lengths further apart than the limit: limit + 1 without the table (a 2 MB key against
    // a config's field names took 6 s of CPU through the table).
    ["x".repeat(1_000_000), "memoryMb", 2, 3],
    ["ab", "abcdef", 3, 4],
    ["abc", "xyz", Number.POSITIVE_INFINITY, 3],
  ])("%s → %s (limit %s) is %s", (a, b, limit, distance) => {
    expect(editDistance(a, b, limit)).toBe(distance);
  });

  it("a megabyte-long key is no field's typo", () => {
    expect(closestMatch(`memoryMb${"x".repeat(1_000_000)}`, ["memoryMb", "name"])).toBe(undefined);
  });
});

describe("terminalLine (the error line as printed)", () => {
  it.each([
    ["a plain line", "a plain line"],
    ["tags.\u001b[31mk must be", "tags.\\u001b[31mk must be"],
    ["two\nlines\r", "two\\u000alines\\u000d"],
    ["bidi \u202eevil\u2066 and \u2028", "bidi \\u202eevil\\u2066 and \\u2028"],
    ["C1 \u009b31m and DEL \u007f", "C1 \\u009b31m and DEL \\u007f"],
    ["a BOM \ufeff", "a BOM \\ufeff"],
    // Printable non-ASCII stays as written.
    ["prix: 0,20 € — ok", "prix: 0,20 € — ok"],
  ])("%j", (message, line) => {
    expect(terminalLine(message)).toBe(line);
  });

  it("cuts a line over 1000 characters in the middle, keeping its end", () => {
    const message = `a${"b".repeat(5000)}; use c`;
    // 5008 characters: the first 640, then the last 320 (5008 - 960 = 4048 cut).
    expect(terminalLine(message)).toBe(
      `a${"b".repeat(639)} …(4048 characters cut)… ${"b".repeat(313)}; use c`,
    );
  });
});

describe("shown (the value quoted in a validation message)", () => {
  it("survives a value nested too deep to stringify", () => {
    let deep: unknown = 1;
    for (let i = 0; i < 200_000; i += 1) deep = [deep];
    expect(shown(deep)).toBe("(a value too deeply nested to show)");
  });
});

describe("commanderErrorLine: messages that do not start with the value", () => {
  it("puts the flag first and drops the full stop", () => {
    expect(
      commanderErrorLine(
        `error: option '--sizes <list>' argument '3008..128' is invalid. range "3008..128" is not FROM..TO.`,
      ),
    ).toBe('--sizes: range "3008..128" is not FROM..TO');
    expect(
      commanderErrorLine(
        "error: option '--format <f>' argument 'xml' is invalid. Allowed choices are table, json.",
      ),
    ).toBe('--format "xml" is not allowed; allowed choices are table, json');
  });
});
