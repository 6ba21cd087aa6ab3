/** Loads and validates pricing/fargate.json (or another file of the same shape). */
import shipped from "../../pricing/fargate.json" with { type: "json" };
import { parseFargatePriceTable } from "../core/crossover/price-tables.js";
import type { FargatePriceTable } from "../core/crossover/types.js";
import { loadPriceFile, parseShippedTable } from "./price-files.js";

/**
 * The shipped table when no path is given (imported with the code, so bundles carry it).
 *
 * @example
 * loadFargatePriceTable().regions["us-east-1"]?.x86_64?.perVcpuHour.toFixed(); // "0.04048"
 * loadFargatePriceTable("/tmp/broken.json"); // throws PricingDataError naming the file and field
 */
export function loadFargatePriceTable(path?: string | URL): FargatePriceTable {
  return path === undefined
    ? parseShippedTable("fargate.json", shipped, parseFargatePriceTable)
    : loadPriceFile("Fargate price table", path, parseFargatePriceTable);
}
