/**
 * The one set of number rules for every flag and every scenario-file value (a file's numbers are
 * passed through the same parsers as text). Plain decimal notation only: no hex (`0x10`), no
 * sign, no `Infinity`/`NaN`, nothing that overflows, nothing beyond Lambda's limits
 * (core/lambda-limits.ts), and no fraction where a count is meant.
 *
 * Each parser throws InvalidArgumentError whose message starts with the quoted value and reads
 * `"<value>" <what is wrong>; <what would be right>`; the caller puts the flag or field in front
 * (program.ts for flags, the scenario loader for files).
 */
import { InvalidArgumentError } from "commander";
import { LAMBDA_LIMITS, type LimitRange } from "../core/lambda-limits.js";

/** Digits with an optional fraction and exponent: what every numeric input must look like. */
const DECIMAL = /^(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;

/** Values past this many characters are cut in the message: a line, not the whole argument. */
const SHOWN_CHARS = 60;

function fail(raw: string, wrong: string, right: string): never {
  const shown = raw.length > SHOWN_CHARS ? `${raw.slice(0, SHOWN_CHARS - 3)}...` : raw;
  throw new InvalidArgumentError(`"${shown}" ${wrong}; ${right}`);
}

/** `"1e999" → Infinity` is refused here, so no caller ever sees a non-finite number. */
function plainNumber(raw: string, right: string): number {
  const text = raw.trim();
  if (/^-/.test(text)) fail(raw, "is negative", right);
  if (!DECIMAL.test(text)) fail(raw, "is not a plain decimal number", right);
  const value = Number(text);
  if (!Number.isFinite(value)) fail(raw, "is too large", right);
  return value;
}

/** A number within a limit range: `numberIn(LAMBDA_LIMITS.hoursPerMonth)("730")` is 730. */
export function numberIn(range: LimitRange, options: { exclusiveMin?: boolean } = {}) {
  const low = options.exclusiveMin ? `greater than ${range.min}` : `from ${range.min}`;
  const right = `use a number ${low} to ${range.max} ${range.unit}`.trimEnd();
  return (raw: string): number => {
    const value = plainNumber(raw, right);
    if (value < range.min || (options.exclusiveMin && value === range.min)) {
      fail(raw, "is too small", right);
    }
    if (value > range.max) fail(raw, "is too large", right);
    return value;
  };
}

/** A whole number within [min, max], e.g. `integerInRange(1, 64)("4")`. */
export function integerInRange(min: number, max: number, unit = "") {
  const right = `use a whole number${unit ? ` of ${unit}` : ""} from ${min} to ${max}`;
  return (raw: string): number => {
    const value = plainNumber(raw, right);
    if (!Number.isInteger(value)) fail(raw, "is not a whole number", right);
    if (value < min) fail(raw, `is below ${min}`, right);
    if (value > max) fail(raw, `is above ${max}`, right);
    return value;
  };
}

const SIZE_UNIT_MB: Record<string, number> = { mb: 1, mib: 1, m: 1, gb: 1024, gib: 1024, g: 1024 };

/**
 * A memory size in MB within Lambda's limits; `1GB` gets the number to type instead.
 * `memoryMb()("1536")` is 1536.
 */
export function memoryMb(range: LimitRange = LAMBDA_LIMITS.memoryMb) {
  const plain = integerInRange(range.min, range.max, "MB");
  return (raw: string): number => {
    const sized = /^(\d+(?:\.\d+)?)\s*([a-z]+)$/i.exec(raw.trim());
    const factor = sized ? SIZE_UNIT_MB[sized[2]?.toLowerCase() ?? ""] : undefined;
    if (sized && factor !== undefined) {
      const mb = Number(sized[1]) * factor;
      fail(raw, "has a unit", `give the number of MB alone, e.g. ${Math.round(mb)}`);
    }
    return plain(raw);
  };
}

const COUNT_SUFFIXES: Record<string, number> = { k: 3, m: 6, b: 9, t: 12 };
const COUNT_RIGHT = "use a whole number such as 3000000, 3M, 500k or 1.5B";

/**
 * A whole count of invocations: "3000000", "3M", "500k", "1.5B", "2e6", "1_000_000",
 * "7,440,000"; at most LAMBDA_LIMITS.monthlyRequests.max. `parseCount("1.5B")` is 1500000000.
 */
export function parseCount(raw: string): number {
  const text = raw.trim().replaceAll("_", "").replaceAll(",", "");
  const match = /^(.*?)([kKmMbBtT]?)$/.exec(text);
  const number = match?.[1] ?? "";
  if (/^-/.test(number)) fail(raw, "is negative", COUNT_RIGHT);
  if (!DECIMAL.test(number)) fail(raw, "is not a count", COUNT_RIGHT);
  plainNumber(number, COUNT_RIGHT);
  const power = COUNT_SUFFIXES[(match?.[2] ?? "").toLowerCase()] ?? 0;
  // Scale through the decimal digits so "1.1M" is exactly 1100000, not 1100000.0000000002.
  const value = scaleDecimal(number, power);
  if (value === undefined) fail(raw, "is not a whole count", COUNT_RIGHT);
  const { max } = LAMBDA_LIMITS.monthlyRequests;
  if (value > max) fail(raw, "is more than AWS could bill in a month", `use at most ${max}`);
  return value;
}

/** `text` × 10^power exactly, or undefined when the result is not a whole number. */
function scaleDecimal(text: string, power: number): number | undefined {
  const [mantissa = "0", exponentText = "0"] = text.toLowerCase().split("e");
  const [whole = "", fraction = ""] = mantissa.split(".");
  const digits = `${whole}${fraction}`.replace(/^0+/, "");
  if (digits === "") return 0;
  const exponent = Number(exponentText);
  const shift = power + exponent - fraction.length;
  // Far beyond any limit either way; decided before building a string of `shift` zeros.
  if (shift > 20) return Number.POSITIVE_INFINITY;
  if (shift >= 0) return Number(digits + "0".repeat(shift));
  const cut = digits.length + shift;
  if (cut <= 0 || /[1-9]/.test(digits.slice(cut))) return undefined;
  return Number(digits.slice(0, cut));
}

const DURATION_UNITS_MS: Record<string, number> = { ms: 1, s: 1000, min: 60_000 };
const DURATION_RIGHT = "use milliseconds (120 or 120ms), seconds (1.5s) or minutes (2min)";

/**
 * A duration in milliseconds: "120ms", "1.5s", "2min", or a bare number of ms. "2m" is refused:
 * next to "ms" it is too easy to misread. `parseDurationMs("1.5s")` is 1500.
 */
export function parseDurationMs(raw: string): number {
  const match = /^(.*?)\s*([a-z]*)$/i.exec(raw.trim());
  const unit = (match?.[2] || "ms").toLowerCase();
  const amount = match?.[1] ?? "";
  if (unit === "m") {
    fail(raw, "is ambiguous (minutes or milliseconds?)", `write ${amount}min or ${amount}ms`);
  }
  const scale = DURATION_UNITS_MS[unit];
  if (scale === undefined || amount === "") fail(raw, "is not a duration", DURATION_RIGHT);
  if (/^-/.test(amount)) fail(raw, "is negative", DURATION_RIGHT);
  if (!DECIMAL.test(amount)) fail(raw, "is not a duration", DURATION_RIGHT);
  const value = plainNumber(amount, DURATION_RIGHT) * scale;
  if (!Number.isFinite(value)) fail(raw, "is too large", DURATION_RIGHT);
  return value;
}

/**
 * A duration within a limit, e.g. `durationIn(LAMBDA_LIMITS.durationMs)("0")` refuses 0: Lambda
 * bills at least 1 ms. `why` says where the limit comes from.
 */
export function durationIn(range: LimitRange, why: string) {
  const right = `use ${range.min} to ${range.max} ms (${why})`;
  return (raw: string): number => {
    const value = parseDurationMs(raw);
    if (value < range.min) fail(raw, `is below ${range.min} ms`, right);
    if (value > range.max) fail(raw, `is above ${range.max} ms`, right);
    return value;
  };
}

/** A number within (0, 1], or [0, 1] with `allowZero`: fractions and weights. */
export function fraction(options: { allowZero?: boolean } = {}) {
  return numberIn({ min: 0, max: 1, unit: "" }, { exclusiveMin: !options.allowZero });
}

/**
 * One of a fixed set of words, e.g. `oneOf(["table", "json"])`. A near miss ("JSON", "arm",
 * "aarch64") is refused with the word meant; `aliases` maps common misspellings.
 */
export function oneOf<T extends string>(
  allowed: readonly T[],
  aliases: Readonly<Record<string, T>> = {},
) {
  return (raw: string): T => {
    if ((allowed as readonly string[]).includes(raw)) return raw as T;
    const meant =
      allowed.find((word) => word.toLowerCase() === raw.trim().toLowerCase()) ??
      aliases[raw.trim().toLowerCase()];
    if (meant !== undefined) fail(raw, "is not a known value", `did you mean ${meant}?`);
    return fail(raw, "is not a known value", `use one of: ${allowed.join(", ")}`);
  };
}
