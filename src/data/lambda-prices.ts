/**
 * Loads the shipped Lambda price table (pricing/lambda.json) from disk and validates it.
 * The only I/O around the pricing engine; the core itself never reads files.
 */
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { PricingDataError } from "../core/errors.js";
import { priceLambda } from "../core/pricing/price-lambda.js";
import { parseLambdaPriceTable } from "../core/pricing/price-table-schema.js";
import type {
  FunctionUsage,
  LambdaEstimate,
  LambdaPriceTable,
  PricingOptions,
} from "../core/pricing/types.js";

/**
 * Where pricing/lambda.json is. This module runs from src/data (tests), dist/data (the
 * library) or from inside the esbuild bundle — dist/bin/lambda-cost.js or a split chunk in
 * dist/bin/chunks/ — so `../../pricing` is right for the first three but one level short for a
 * chunk. Looking up to three levels up covers all of them without knowing which we are.
 */
export function defaultLambdaPricePath(): string {
  const candidates = ["../../pricing/lambda.json", "../../../pricing/lambda.json"].map((rel) =>
    fileURLToPath(new URL(rel, import.meta.url)),
  );
  return candidates.find((path) => existsSync(path)) ?? (candidates[0] as string);
}

let cached: { path: string; table: LambdaPriceTable } | undefined;

/**
 * Reads and validates a Lambda price table; the shipped one by default.
 *
 * @example
 * const table = loadLambdaPriceTable();
 * table.regions["us-east-1"]?.requestPrice.toFixed(); // "0.0000002"
 * loadLambdaPriceTable("/nope.json"); // throws PricingDataError: cannot read the Lambda price table …
 */
export function loadLambdaPriceTable(path?: string | URL): LambdaPriceTable {
  const file =
    path === undefined
      ? defaultLambdaPricePath()
      : path instanceof URL
        ? fileURLToPath(path)
        : path;
  if (cached && cached.path === file) return cached.table;
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new PricingDataError(`cannot read the Lambda price table ${file} (${reason})`, {
      cause: error,
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new PricingDataError(
      `the Lambda price table ${file} is not valid JSON: ${(error as Error).message}`,
      {
        cause: error,
      },
    );
  }
  try {
    const table = parseLambdaPriceTable(json);
    cached = { path: file, table };
    return table;
  } catch (error) {
    if (error instanceof PricingDataError) {
      throw new PricingDataError(`${file}: ${error.message}`, { cause: error });
    }
    throw error;
  }
}

/**
 * Prices usage against the shipped table: the one-call library API.
 *
 * @example
 * import { estimateLambdaCost, formatUsd } from "lambda-cost";
 * const estimate = estimateLambdaCost([
 *   { region: "us-east-1", architecture: "x86_64", memoryMb: 1536, monthlyRequests: 3_000_000, averageDurationMs: 120 },
 * ]);
 * formatUsd(estimate.total); // "$2.73" (free tier on by default)
 */
export function estimateLambdaCost(
  usages: FunctionUsage[],
  options: Partial<PricingOptions> & { priceTablePath?: string } = {},
): LambdaEstimate {
  const table = loadLambdaPriceTable(options.priceTablePath);
  return priceLambda(usages, table, { freeTier: options.freeTier ?? true });
}
