/**
 * JSON with exact money. Every Decimal is written as a bare JSON number carrying its exact
 * decimal digits (`0.0000166667`, `2.733338`), never through a float and never rounded: the
 * convention of `estimate`'s and `tune`'s JSON (issue 2 asks for `total` as a number, not
 * rounded). Readers that need every digit parse with a decimal-aware JSON parser.
 */
import { Decimal } from "../core/money/index.js";

/** Marks a Decimal in JSON.stringify's output so it can be swapped for a bare number. */
const MARK = "\u0000dec:";

/**
 * `stringifyExact({ total: dec("2.733338") })` is `{\n  "total": 2.733338\n}` (two-space
 * indent, no final newline). With `places`, each Decimal is first rounded half up to that many
 * decimal places (for figures derived from float sources, such as CloudWatch sums); a function
 * gives the places by the Decimal's key (undefined: exact).
 */
export function stringifyExact(
  value: unknown,
  options: { places?: number | ((key: string) => number | undefined) } = {},
): string {
  const placesFor = options.places;
  const text = JSON.stringify(
    value,
    function replacer(this: unknown, key: string, current: unknown) {
      // JSON.stringify calls Decimal's toJSON first; read the original from the holder.
      const original = (this as Record<string, unknown>)[key];
      if (!(original instanceof Decimal)) return current;
      const places = typeof placesFor === "function" ? placesFor(key) : placesFor;
      const exact = places === undefined ? original : original.toDecimalPlaces(places);
      return `${MARK}${exact.toFixed()}`;
    },
    2,
  );
  return text.replace(/"\\u0000dec:(-?\d+(?:\.\d+)?)"/g, "$1");
}
