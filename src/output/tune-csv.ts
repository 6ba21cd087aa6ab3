/**
 * `tune --format csv`: a header and one row per size. Dollars at the precision of the JSON
 * (tune-json.ts: per invocation to 15 places, per 1M and per month to 9), durations ms to 0.01;
 * an empty cell is a value that does not exist (no successful invocation, or an interval from
 * one invocation). `recommended` is true on one row at most.
 */
import type { TuneResult } from "../core/tuning/types.js";
import { toCsv } from "./csv.js";
import { money, PER_INVOCATION_PLACES, PER_MILLION_PLACES } from "./tune-json.js";

export const TUNE_CSV_COLUMNS = [
  "function",
  "region",
  "architecture",
  "memoryMb",
  "invocations",
  "errors",
  "errorsByType",
  "coldStarts",
  "meanInitDurationMs",
  "feasible",
  "reason",
  "durationMeanMs",
  "durationP50Ms",
  "durationP90Ms",
  "durationP99Ms",
  "billedMeanMs",
  "billedCi95LowMs",
  "billedCi95HighMs",
  "costPerInvocation",
  "costPerMillion",
  "maxMemoryUsedMb",
  "memoryHeadroom",
  "monthlyCost",
  "recommended",
] as const;

export function renderTuneCsv(result: TuneResult): string {
  // Each row is one size on one architecture (`tune --arch x86_64,arm64` measures both).
  const archOf = (a: string | undefined) => a ?? result.architecture;
  const key = (memoryMb: number, a: string | undefined) => `${archOf(a)}:${memoryMb}`;
  const monthly = new Map(
    result.monthlyProjection?.bySize.map((r) => [key(r.memoryMb, r.architecture), r.monthlyCost]),
  );
  const rec = result.recommendation;
  const rows = result.sizes.map((s) => [
    result.function,
    result.region,
    archOf(s.architecture),
    s.memoryMb,
    s.invocations,
    s.errors,
    Object.entries(s.errorsByType)
      .map(([type, count]) => `${type}:${count}`)
      .join(";"),
    s.coldStarts,
    ms(s.meanInitDurationMs),
    s.feasible,
    s.reason ?? "",
    ms(s.durationMs.mean),
    ms(s.durationMs.p50),
    ms(s.durationMs.p90),
    ms(s.durationMs.p99),
    ms(s.billedDurationMs.mean),
    ms(s.billedDurationMs.ci95[0]),
    ms(s.billedDurationMs.ci95[1]),
    money(s.costPerInvocation, PER_INVOCATION_PLACES)?.toFixed() ?? "",
    money(s.costPerMillion, PER_MILLION_PLACES)?.toFixed() ?? "",
    s.maxMemoryUsedMb,
    Number.isFinite(s.memoryHeadroom) ? (Math.round(s.memoryHeadroom * 1e4) / 1e4).toString() : "",
    monthly.get(key(s.memoryMb, s.architecture))?.toDecimalPlaces(PER_MILLION_PLACES).toFixed() ??
      "",
    rec !== null &&
      rec.memoryMb === s.memoryMb &&
      archOf(rec.architecture) === archOf(s.architecture),
  ]);
  return toCsv([[...TUNE_CSV_COLUMNS], ...rows]);
}

function ms(value: number | null): string {
  return value === null || !Number.isFinite(value)
    ? ""
    : (Math.round(value * 100) / 100).toString();
}
