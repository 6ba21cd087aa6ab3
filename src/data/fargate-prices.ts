/** Loads and validates pricing/fargate.json (or another file of the same shape). */
import { parseFargatePriceTable } from "../core/crossover/price-tables.js";
import type { FargatePriceTable } from "../core/crossover/types.js";
import { loadPriceFile, shippedPricingPath } from "./fargate-and-ec2-files.js";

/**
 * @example
 * loadFargatePriceTable().regions["us-east-1"]?.x86_64?.perVcpuHour.toFixed(); // "0.04048"
 * loadFargatePriceTable("/tmp/broken.json"); // throws PricingDataError naming the file and field
 */
export function loadFargatePriceTable(path?: string | URL): FargatePriceTable {
  return loadPriceFile(
    "Fargate price table",
    path ?? shippedPricingPath("fargate.json"),
    parseFargatePriceTable,
  );
}
