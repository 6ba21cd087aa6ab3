/**
 * `--sizes`: a comma-separated list of memory sizes and ranges, e.g. `128,512,1769` or
 * `128..3008` or `128..3008:128,1769`.
 *
 * A range `A..B` is A, A + 64, A + 128, … up to B, and B itself (so `128..3008` is 46 sizes,
 * 128 through 3008); `A..B:STEP` uses another step in MB. Lambda accepts any whole number of
 * MB from 128 to 10,240 (AWS Lambda developer guide, function memory). The default step of
 * 64 MB is fine enough that no optimum lies more than 32 MB from a size in the list, and
 * coarse enough that 128..3008 stays at 46 sizes (the coarse-then-fine search of
 * size-search.ts then measures only some of them).
 */
import { MEMORY_MB_MAX, MEMORY_MB_MIN } from "../pricing/usage-validation.js";

export const DEFAULT_RANGE_STEP_MB = 64;
/** More sizes than this is a typo or a step that is too fine (each size is a published version). */
export const MAX_SIZES = 100;

export type SizeListResult = { sizes: number[] } | { error: string };

/**
 * Parses a size list; sizes come back sorted and de-duplicated.
 *
 * @example
 * parseSizeList("512..768:128,128") // → { sizes: [128, 512, 640, 768] }
 * parseSizeList("3008..128")        // → { error: "range \"3008..128\" runs backwards; …" }
 */
export function parseSizeList(raw: string): SizeListResult {
  const parts = raw
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part !== "");
  if (parts.length === 0) {
    return { error: `the size list is empty; give sizes in MB such as 128,256,512 or 128..3008` };
  }
  const sizes = new Set<number>();
  for (const part of parts) {
    const expanded = part.includes("..") ? expandRange(part) : single(part);
    if ("error" in expanded) return expanded;
    for (const size of expanded.sizes) sizes.add(size);
    if (sizes.size > MAX_SIZES) {
      return {
        error: `"${raw}" gives more than ${MAX_SIZES} sizes; use a coarser step, e.g. ${MEMORY_MB_MIN}..${MEMORY_MB_MAX}:128`,
      };
    }
  }
  return { sizes: [...sizes].sort((a, b) => a - b) };
}

function single(part: string): SizeListResult {
  const value = Number(part);
  if (!/^\d+$/.test(part) || value < MEMORY_MB_MIN || value > MEMORY_MB_MAX) {
    return {
      error: `size "${part}" is not a whole number of MB from ${MEMORY_MB_MIN} to ${MEMORY_MB_MAX}`,
    };
  }
  return { sizes: [value] };
}

function expandRange(part: string): SizeListResult {
  const match = /^(\d+)\.\.(\d+)(?::(\d+))?$/.exec(part);
  const wrong = `range "${part}" is not FROM..TO or FROM..TO:STEP in whole MB from ${MEMORY_MB_MIN} to ${MEMORY_MB_MAX}, e.g. 128..3008 or 128..3008:128`;
  if (!match) return { error: wrong };
  const from = Number(match[1]);
  const to = Number(match[2]);
  const step = match[3] === undefined ? DEFAULT_RANGE_STEP_MB : Number(match[3]);
  if (from > to && to >= MEMORY_MB_MIN && from <= MEMORY_MB_MAX) {
    return {
      error: `range "${part}" runs backwards; write the smaller size first, e.g. ${to}..${from}`,
    };
  }
  if (from < MEMORY_MB_MIN || to > MEMORY_MB_MAX || from >= to) return { error: wrong };
  if (step < 1 || step > to - from) {
    return { error: `range "${part}" has step ${step} MB; use a step from 1 to ${to - from}` };
  }
  if ((to - from) / step + 1 > MAX_SIZES) {
    return {
      error: `range "${part}" gives more than ${MAX_SIZES} sizes; use a coarser step, e.g. ${from}..${to}:${Math.ceil((to - from) / (MAX_SIZES - 1))}`,
    };
  }
  const sizes: number[] = [];
  for (let size = from; size < to; size += step) sizes.push(size);
  sizes.push(to);
  return { sizes };
}
