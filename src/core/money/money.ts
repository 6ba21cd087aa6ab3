/**
 * The one decimal type for money and for every quantity that is multiplied by a price.
 * Floats never touch dollars: prices are stored as strings and parsed here; rounding happens only
 * when a figure is printed (formatUsd / roundTo).
 */
import { Decimal as DecimalJs } from "decimal.js";

/**
 * A Decimal constructor with room for exact products of 20-digit prices and 15-digit quantities.
 * ROUND_HALF_UP matches AWS's own rounding of line items to cents.
 */
export const Decimal = DecimalJs.clone({
  precision: 60,
  rounding: DecimalJs.ROUND_HALF_UP,
  toExpNeg: -40,
  toExpPos: 40,
});
export type Decimal = DecimalJs;

/** Anything that can be turned into an exact decimal. Numbers are accepted for counts. */
export type DecimalInput = Decimal | string | number;

/** Parses a value into an exact decimal. `dec("0.0000166667")`. */
export function dec(value: DecimalInput): Decimal {
  return new Decimal(value);
}

export const ZERO: Decimal = new Decimal(0);

/** Sums decimals exactly. `sum([dec("0.1"), dec("0.2")])` is exactly 0.3. */
export function sum(values: Iterable<Decimal>): Decimal {
  let total = ZERO;
  for (const value of values) total = total.plus(value);
  return total;
}

/** Rounds half up to a number of decimal places (for printing only). */
export function roundTo(value: Decimal, places: number): Decimal {
  return value.toDecimalPlaces(places, Decimal.ROUND_HALF_UP);
}

/**
 * Formats dollars for people: `formatUsd(dec("2.733338"))` is "$2.73";
 * `formatUsd(dec("301667.2"))` is "$301,667.20". Negative values get a leading minus.
 */
export function formatUsd(value: Decimal, places = 2): string {
  const rounded = roundTo(value, places);
  const negative = rounded.isNegative() && !rounded.isZero();
  return `${negative ? "-" : ""}$${groupDigits(rounded.abs().toFixed(places))}`;
}

/**
 * Counts and quantities for people, with thousands separators and an ASCII minus:
 * `formatCount(37200000)` is "37,200,000"; `formatCount(dec("0.4"))` is "0.4";
 * `formatCount(dec("1764210.0000000001"), 1)` is "1,764,210". Rounds half up to at most
 * `maxPlaces` decimals and drops trailing zeros.
 */
export function formatCount(value: DecimalInput, maxPlaces = 4): string {
  const rounded = roundTo(new Decimal(value), maxPlaces);
  const negative = rounded.isNegative() && !rounded.isZero();
  return `${negative ? "-" : ""}${groupDigits(rounded.abs().toFixed())}`;
}

/** The one thousands separator: "1234567.5" → "1,234,567.5" (digits after the point untouched). */
export function groupDigits(plain: string): string {
  const [whole = "0", fraction] = plain.split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

/** A plain decimal string with no exponent, for JSON and CSV: "0.0000166667". */
export function toPlainString(value: Decimal): string {
  return value.toFixed();
}
