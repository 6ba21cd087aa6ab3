/** Loads and validates pricing/fargate.json (or another file of the same shape). */
import shipped from "../../pricing/fargate.json" with { type: "json" };
import { convertCheckedFargatePriceTable } from "../core/crossover/price-table-convert.js";
import { parseFargatePriceTable } from "../core/crossover/price-tables.js";
import type { FargatePriceTable } from "../core/crossover/types.js";
import { loadPriceFile } from "./price-files.js";

/**
 * The shipped table when no path is given (imported with the code, so bundles carry it; checked
 * once at build time by scripts/bundle-cli.mjs and by test/unit/pricing-schema-compiled.test.ts,
 * not on every run), or the file at `path`, validated.
 *
 * @example
 * loadFargatePriceTable().regions["us-east-1"]?.x86_64?.perVcpuHour.toFixed(); // "0.04048"
 * loadFargatePriceTable("/tmp/broken.json"); // throws PricingDataError naming the file and field
 */
export function loadFargatePriceTable(path?: string | URL): FargatePriceTable {
  return path === undefined
    ? convertCheckedFargatePriceTable(shipped)
    : loadPriceFile("Fargate price table", path, parseFargatePriceTable);
}
