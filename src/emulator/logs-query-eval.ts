/**
 * Logs Insights over Lambda's REPORT records, as far as the emulator models them: a query whose
 * last command is `stats … by @log` gets one row per log group, each aggregate computed from
 * synthetic REPORT statistics that agree with the metrics (the count is the Invocations
 * metric). Which REPORT field an aggregate reads is told by the names in its argument, directly
 * or through a `fields … as alias` earlier in the query: Max Memory Used (`@maxMemoryUsed`,
 * `maxMemoryUsedMB`), Billed Duration (`@billedDuration`, `billedDurationMs`), Init Duration
 * (`@initDuration`, `initDurationMs`), an out-of-memory flag (`Runtime.OutOfMemory`), a
 * timeout flag (`timeout`) and message bytes (`strlen(@message)`, summed: the log bytes).
 * Other queries complete with no rows.
 */

/** One log group's REPORT records over the query's time range, summarised. */
export interface ReportSummary {
  reports: number;
  /** Every call uses the model's memory; out-of-memory calls use all of it. */
  memoryUsedMb: number;
  memorySizeMb: number;
  outOfMemory: number;
  timeouts: number;
  avgBilledDurationMs: number;
  coldStarts: number;
  avgInitDurationMs: number;
  /** Bytes of every message in the range (`sum(strlen(@message))`). */
  logBytes: number;
}

type Source = "memory" | "billed" | "init" | "oom" | "timeout" | "bytes" | "record";

export interface StatsColumn {
  alias: string;
  fn: string;
  source: Source | undefined;
  percentile: number | undefined;
}

/** The `stats … by @log` columns of a query, or undefined for any other query shape. */
export function statsByLog(query: string): StatsColumn[] | undefined {
  const commands = splitTopLevel(query, "|").map((c) => c.trim());
  const last = commands.at(-1) ?? "";
  const stats = /^stats\s+([\s\S]+?)\s+by\s+@log$/i.exec(last);
  if (!stats?.[1]) return undefined;
  const aliases = new Map<string, string>();
  for (const command of commands.slice(0, -1)) {
    const fields = /^fields\s+([\s\S]+)$/i.exec(command);
    if (!fields?.[1]) continue;
    for (const item of splitTopLevel(fields[1], ",")) {
      const named = /^([\s\S]+?)\s+as\s+(\w+)$/i.exec(item.trim());
      if (named?.[1] && named[2]) aliases.set(named[2], named[1]);
    }
  }
  return splitTopLevel(stats[1], ",").map((item) => {
    const named = /^(\w+)\s*\(([\s\S]*)\)(?:\s+as\s+(\w+))?$/i.exec(item.trim());
    if (!named?.[1])
      return { alias: item.trim(), fn: "", source: undefined, percentile: undefined };
    const fn = named[1].toLowerCase();
    const args = splitTopLevel(named[2] ?? "", ",").map((a) => a.trim());
    const arg = args[0] ?? "";
    const resolved = aliases.get(arg) ?? arg;
    return {
      alias: named[3] ?? item.trim(),
      fn,
      source: arg === "*" ? "record" : sourceOf(resolved),
      percentile: fn === "pct" ? Number(args[1]) : undefined,
    };
  });
}

function sourceOf(expression: string): Source | undefined {
  if (/^strlen\(\s*@message\s*\)$/.test(expression)) return "bytes";
  if (/@maxMemoryUsed|maxMemoryUsedMB/.test(expression)) return "memory";
  if (/@billedDuration|billedDurationMs/.test(expression)) return "billed";
  if (/@initDuration|initDurationMs/.test(expression)) return "init";
  if (/Runtime\.OutOfMemory/.test(expression)) return "oom";
  if (/timeout/i.test(expression)) return "timeout";
  if (/@requestId|@message|@timestamp|@type/.test(expression)) return "record";
  return undefined;
}

/** An aggregate's value for one group, or undefined when Logs Insights would leave it empty. */
export function aggregate(column: StatsColumn, s: ReportSummary): number | undefined {
  if (s.reports === 0) return column.fn === "count" ? 0 : undefined;
  const { fn, source } = column;
  switch (source) {
    case "record":
      return fn === "count" ? s.reports : undefined;
    case "memory": {
      const usedShare = s.outOfMemory / s.reports;
      if (fn === "count") return s.reports;
      if (fn === "max") return s.outOfMemory > 0 ? s.memorySizeMb : s.memoryUsedMb;
      if (fn === "min") return s.outOfMemory === s.reports ? s.memorySizeMb : s.memoryUsedMb;
      if (fn === "avg") return s.memoryUsedMb + usedShare * (s.memorySizeMb - s.memoryUsedMb);
      if (fn === "pct") {
        // The top `usedShare` of calls used everything.
        return 1 - (column.percentile ?? 50) / 100 < usedShare ? s.memorySizeMb : s.memoryUsedMb;
      }
      return undefined;
    }
    case "billed":
      if (fn === "count") return s.reports;
      if (fn === "avg") return s.avgBilledDurationMs;
      if (fn === "sum") return s.avgBilledDurationMs * s.reports;
      return undefined;
    case "init":
      if (fn === "count") return s.coldStarts;
      if (s.coldStarts === 0) return undefined;
      if (fn === "avg" || fn === "max" || fn === "min" || fn === "pct") return s.avgInitDurationMs;
      if (fn === "sum") return s.avgInitDurationMs * s.coldStarts;
      return undefined;
    case "oom":
      return fn === "sum" ? s.outOfMemory : fn === "count" ? s.reports : undefined;
    case "bytes":
      return fn === "sum" ? s.logBytes : undefined;
    case "timeout":
      return fn === "sum" ? s.timeouts : fn === "count" ? s.reports : undefined;
    default:
      return undefined;
  }
}

/** Splits on `separator` outside parentheses, quotes and backticks. */
function splitTopLevel(text: string, separator: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quote: string | undefined;
  let start = 0;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i]!;
    if (quote) {
      if (ch === "\\") i += 1;
      else if (ch === quote) quote = undefined;
      continue;
    }
    if (ch === '"' || ch === "'" || ch === "`") quote = ch;
    else if (ch === "(") depth += 1;
    else if (ch === ")") depth -= 1;
    else if (ch === separator && depth === 0) {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  out.push(text.slice(start));
  return out;
}
