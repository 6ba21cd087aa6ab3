/**
 * Parsers for flag values shared by every command. Each throws InvalidArgumentError with a
 * message that says what was given and what is allowed; commander prefixes the flag name, and
 * main.ts turns it into exit code 2.
 */
import { InvalidArgumentError } from "commander";

const COUNT_SUFFIXES: Record<string, number> = { k: 1e3, m: 1e6, b: 1e9, t: 1e12 };

/**
 * A non-negative whole count: "3000000", "3M", "500k", "1.5B", "2e6", "1_000_000".
 * `parseCount("1.5B")` is 1500000000.
 */
export function parseCount(raw: string): number {
  const text = raw.trim().replaceAll("_", "").replaceAll(",", "");
  const match = /^(\d+(?:\.\d+)?(?:e\d+)?)([kKmMbBtT]?)$/.exec(text);
  if (!match) {
    throw new InvalidArgumentError(
      `"${raw}" is not a count; use a whole number such as 3000000, 3M, 500k or 1.5B.`,
    );
  }
  const scale = match[2] ? (COUNT_SUFFIXES[match[2].toLowerCase()] ?? 1) : 1;
  // Scale through a string so "1.1M" is exactly 1100000, not 1100000.0000000002.
  const value = Number(multiplyDecimalString(match[1] ?? "0", scale));
  if (!Number.isSafeInteger(value)) {
    throw new InvalidArgumentError(
      `"${raw}" is not a whole count (or is too large); use e.g. 3M or 1500000.`,
    );
  }
  return value;
}

/** Multiplies a plain decimal string by a power of ten without float error. */
function multiplyDecimalString(text: string, scale: number): string {
  const [mantissa = "0", exponent = "0"] = text.toLowerCase().split("e");
  const [whole = "0", fraction = ""] = mantissa.split(".");
  const shift = Math.round(Math.log10(scale)) + Number(exponent) - fraction.length;
  const digits = `${whole}${fraction}`.replace(/^0+(?=\d)/, "");
  if (shift >= 0) return digits + "0".repeat(shift);
  const cut = digits.length + shift;
  const tail = digits.slice(Math.max(cut, 0));
  // A non-zero remainder after the point means a fractional count, which parseCount rejects.
  return /[1-9]/.test(tail) ? "NaN" : digits.slice(0, Math.max(cut, 0)) || "0";
}

const DURATION_UNITS_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, min: 60_000 };

/**
 * A non-negative duration in milliseconds: "120ms", "1.5s", "2m", or a bare number of ms.
 * `parseDurationMs("1.5s")` is 1500.
 */
export function parseDurationMs(raw: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*(ms|s|m|min)?$/i.exec(raw.trim());
  if (!match) {
    throw new InvalidArgumentError(
      `"${raw}" is not a duration; use milliseconds (120 or 120ms) or seconds (1.5s).`,
    );
  }
  const unit = (match[2] ?? "ms").toLowerCase();
  return Number(match[1]) * (DURATION_UNITS_MS[unit] ?? 1);
}

/** A whole number within [min, max]; `label` names what it is in the message. */
export function integerInRange(label: string, min: number, max: number) {
  return (raw: string): number => {
    const value = Number(raw.trim());
    if (!/^-?\d+$/.test(raw.trim()) || value < min || value > max) {
      throw new InvalidArgumentError(
        `${label} must be a whole number from ${min} to ${max}; got "${raw}".`,
      );
    }
    return value;
  };
}

/** A number within (0, 1] unless `allowZero`; for fractions and weights. */
export function fraction(label: string, options: { allowZero?: boolean } = {}) {
  return (raw: string): number => {
    const value = Number(raw.trim());
    const low = options.allowZero ? value >= 0 : value > 0;
    if (raw.trim() === "" || !Number.isFinite(value) || !low || value > 1) {
      const range = options.allowZero ? "from 0 to 1" : "greater than 0 and at most 1";
      throw new InvalidArgumentError(`${label} must be a number ${range}; got "${raw}".`);
    }
    return value;
  };
}

/** One of a fixed set of words, case-sensitive, e.g. `oneOf("format", ["table", "json"])`. */
export function oneOf<T extends string>(label: string, allowed: readonly T[]) {
  return (raw: string): T => {
    if (!(allowed as readonly string[]).includes(raw)) {
      throw new InvalidArgumentError(
        `unknown ${label} "${raw}"; use one of: ${allowed.join(", ")}.`,
      );
    }
    return raw as T;
  };
}
