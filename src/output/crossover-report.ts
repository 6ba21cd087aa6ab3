import type { CrossoverResult } from "../core/crossover/crossover.js";

/** What a renderer gets: the result, and whether the terminal takes colour (the chart uses it). */
export interface CrossoverReport {
  result: CrossoverResult;
  color: boolean;
}
