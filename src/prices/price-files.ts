/**
 * The two ways a price table reaches the code. The shipped tables (pricing/*.json) are imported
 * as JSON modules by each loader, so they travel through the module graph: a bundle of the
 * library (esbuild, a Lambda deployment package) carries them, and no path is worked out at run
 * time. A table the caller names by path is read from disk here.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { PricingDataError } from "../core/errors.js";

/**
 * Validates a shipped table with `parse` (the build checks pricing/*.json this way); a failure (a
 * broken edit of pricing/) names the file.
 */
export function parseShippedTable<T>(file: string, json: unknown, parse: (json: unknown) => T): T {
  return withFileName(`pricing/${file}`, () => parse(json));
}

/**
 * Reads and parses a JSON price file, then validates it with `parse`; every failure is a
 * PricingDataError that names the file.
 */
export function loadPriceFile<T>(what: string, path: string | URL, parse: (json: unknown) => T): T {
  const file = path instanceof URL ? fileURLToPath(path) : path;
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new PricingDataError(`cannot read the ${what} ${file} (${reason})`, { cause: error });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new PricingDataError(
      `the ${what} ${file} is not valid JSON: ${(error as Error).message}`,
      { cause: error },
    );
  }
  return withFileName(file, () => parse(json));
}

function withFileName<T>(file: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof PricingDataError) {
      throw new PricingDataError(`${file}: ${error.message}`, { cause: error });
    }
    throw error;
  }
}
