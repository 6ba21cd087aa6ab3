/**
 * Reads one of the shipped container price files (pricing/fargate.json, pricing/ec2.json).
 * This module runs from src/data (tests), dist/data (the library) or from inside the esbuild
 * bundle — dist/bin/lambda-cost.js or a split chunk in dist/bin/chunks/ — so `../../pricing` is
 * right for the first three and one level short for a chunk; both are tried.
 */
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { PricingDataError } from "../core/errors.js";

/** The shipped file's path, e.g. `shippedPricingPath("fargate.json")`. */
export function shippedPricingPath(file: string): string {
  const candidates = [`../../pricing/${file}`, `../../../pricing/${file}`].map((rel) =>
    fileURLToPath(new URL(rel, import.meta.url)),
  );
  return candidates.find((path) => existsSync(path)) ?? (candidates[0] as string);
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
      {
        cause: error,
      },
    );
  }
  try {
    return parse(json);
  } catch (error) {
    if (error instanceof PricingDataError) {
      throw new PricingDataError(`${file}: ${error.message}`, { cause: error });
    }
    throw error;
  }
}
