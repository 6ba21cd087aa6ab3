/** A cost line before the function, region and architecture that own it are attached. */
import type { CostLine } from "./types.js";

export type LineFields = Omit<CostLine, "region" | "architecture" | "functionName">;
