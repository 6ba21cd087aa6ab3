/**
 * Every CSV the tool writes goes through here, so that no cell can run as a spreadsheet formula
 * (OWASP, "CSV Injection", https://owasp.org/www-community/attacks/CSV_Injection, read
 * 2026-11): a text cell starting with `=`, `+`, `-`, `@`, tab or carriage return gets a leading
 * `'` and is quoted. A number, or a number written as text ("-0.25", "1e-7"), stays as it is:
 * it is data, and a spreadsheet reads it as a number.
 */
import { type Input, type Options, stringify } from "csv-stringify/sync";

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;

/** `neutralizeCell("=HYPERLINK(…)")` is `'=HYPERLINK(…)`; `neutralizeCell("-1.5")` is "-1.5". */
export function neutralizeCell(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

/** The inverse, for reading back a CSV we wrote: `restoreCell("'-api")` is "-api". */
export function restoreCell(text: string): string {
  return /^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}

/** csv-stringify with the formula guard on every text cell. */
export function toCsv(rows: Input, options: Options = {}): string {
  return stringify(rows, {
    ...options,
    cast: {
      boolean: (value) => String(value),
      ...options.cast,
      string: (value) => {
        const safe = neutralizeCell(value);
        return safe === value ? value : { value: safe, quoted: true };
      },
    },
  });
}
