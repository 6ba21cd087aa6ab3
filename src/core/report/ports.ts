/**
 * The port the report service reads through: one region's month of Lambda usage as the pure
 * core's inputs. src/aws/region-month-usage.ts implements it over the SDK (ListFunctions,
 * provisioned-concurrency configurations, CloudWatch metrics); tests may hand in a fake.
 */
import type { CalendarMonth } from "./month.js";
import type { FunctionMonthInput } from "./types.js";

/** One region's functions and their month of usage. */
export interface RegionMonthUsage {
  region: string;
  /** The account the functions belong to, when the region's answers name it. */
  accountId: string | undefined;
  inputs: FunctionMonthInput[];
}

export interface UsageSource {
  /** Reads one region; `concurrency` bounds the calls in flight inside the region. */
  readRegion(region: string, month: CalendarMonth, concurrency: number): Promise<RegionMonthUsage>;
}
