/**
 * Reads the REPORT of one invocation out of the log tail that Invoke returns with
 * `LogType: Tail` (`X-Amz-Log-Result`: "the last 4 KB of the execution log", base64).
 *
 * Formats (AWS Lambda developer guide, "Lambda Telemetry API" platform.report and the
 * text REPORT line, https://docs.aws.amazon.com/lambda/latest/dg/monitoring-cloudwatchlogs.html):
 * - text: `REPORT RequestId: …\tDuration: 12.34 ms\tBilled Duration: 13 ms\tMemory Size: 128 MB\t
 *   Max Memory Used: 70 MB\t[Init Duration: … ms\t][Restore Duration: … ms\tBilled Restore
 *   Duration: … ms\t][Status: timeout|error\t[Error Type: …]]`; older lines have `ms \t`, so
 *   fields are matched by name with tolerant whitespace, never by position;
 * - JSON (`LogFormat: JSON`): `{"type":"platform.report","record":{"status",…,"metrics":{…}}}`.
 * The tail is cut at 4 KB from the start, so the first line may be partial: the REPORT is the
 * last thing Lambda writes, and we search from the end.
 */
import type { InvocationReport } from "./types.js";

/** Thrown when a log tail holds no REPORT line or platform.report record. */
export class InvocationLogError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InvocationLogError";
  }
}

/**
 * Parses the REPORT of one invocation from its log tail, base64 or decoded text.
 *
 * SnapStart: `billedRestoreDurationMs` is reported separately here; the runner bills
 * `billedDurationMs + (billedRestoreDurationMs ?? 0)` (see {@link billedMsOf}). Billed Duration
 * already includes INIT for on-demand invocations since 2025-08-01 (aws-wire.md §4): never add
 * `initDurationMs` again.
 *
 * @example
 * parseInvocationLog("REPORT RequestId: 1\tDuration: 12.34 ms\tBilled Duration: 13 ms\t" +
 *   "Memory Size: 128 MB\tMax Memory Used: 70 MB\t")
 * // → { durationMs: 12.34, billedDurationMs: 13, memorySizeMb: 128, maxMemoryUsedMb: 70,
 * //     status: "success" }
 */
export function parseInvocationLog(logTail: string): InvocationReport {
  const text = looksLikeBase64(logTail) ? decodeBase64Utf8(logTail) : logTail;
  const lines = text.split(/\r?\n/);
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = (lines[i] ?? "").trim();
    if (line.includes("platform.report")) {
      const report = parseJsonReport(line);
      if (report) return report;
    }
    const at = line.lastIndexOf("REPORT RequestId:");
    if (at >= 0) {
      const report = parseTextReport(line.slice(at));
      if (report) return report;
    }
  }
  const shown = text.length > 80 ? `…${text.slice(-80)}` : text;
  throw new InvocationLogError(
    `No REPORT line or platform.report record in the invocation's log tail (${text.length} characters; ends ${JSON.stringify(shown)}). Was the function invoked with LogType Tail, and is its SystemLogLevel INFO or lower?`,
  );
}

/** What AWS bills for one invocation in ms: Billed Duration + Billed Restore Duration. */
export function billedMsOf(report: InvocationReport): number {
  return report.billedDurationMs + (report.billedRestoreDurationMs ?? 0);
}

const TEXT_FIELD =
  /\b(Billed Restore Duration|Restore Duration|Billed Duration|Init Duration|Duration|Memory Size|Max Memory Used|Status|Error Type):\s*([^\s]+)/g;

function parseTextReport(line: string): InvocationReport | undefined {
  const fields = new Map<string, string>();
  for (const match of line.matchAll(TEXT_FIELD)) {
    const [, name, value] = match;
    if (name !== undefined && value !== undefined && !fields.has(name)) fields.set(name, value);
  }
  const num = (name: string): number | undefined => {
    const raw = fields.get(name);
    if (raw === undefined) return undefined;
    const value = Number.parseFloat(raw);
    return Number.isFinite(value) ? value : undefined;
  };
  return build(
    {
      durationMs: num("Duration"),
      billedDurationMs: num("Billed Duration"),
      memorySizeMb: num("Memory Size"),
      maxMemoryUsedMb: num("Max Memory Used"),
      initDurationMs: num("Init Duration"),
      restoreDurationMs: num("Restore Duration"),
      billedRestoreDurationMs: num("Billed Restore Duration"),
      status: fields.get("Status"),
      errorType: fields.get("Error Type"),
    },
    line,
  );
}

function parseJsonReport(line: string): InvocationReport | undefined {
  const start = line.indexOf("{");
  if (start < 0) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(line.slice(start));
  } catch {
    return undefined; // a cut-off first line or an application line that mentions the word
  }
  if (!isRecord(parsed) || parsed.type !== "platform.report" || !isRecord(parsed.record)) {
    return undefined;
  }
  const record = parsed.record;
  const metrics = isRecord(record.metrics) ? record.metrics : {};
  const num = (key: string): number | undefined =>
    typeof metrics[key] === "number" && Number.isFinite(metrics[key]) ? metrics[key] : undefined;
  return build(
    {
      durationMs: num("durationMs"),
      billedDurationMs: num("billedDurationMs"),
      memorySizeMb: num("memorySizeMB"),
      maxMemoryUsedMb: num("maxMemoryUsedMB"),
      initDurationMs: num("initDurationMs"),
      restoreDurationMs: num("restoreDurationMs"),
      billedRestoreDurationMs: num("billedRestoreDurationMs"),
      status: typeof record.status === "string" ? record.status : undefined,
      errorType: typeof record.errorType === "string" ? record.errorType : undefined,
    },
    line,
  );
}

type ReportFields = {
  [K in keyof Required<InvocationReport>]: Required<InvocationReport>[K] | undefined;
};

/** Checks the required fields and drops absent optional ones (warm starts have no init). */
function build(fields: ReportFields, line: string): InvocationReport {
  const required = ["durationMs", "billedDurationMs", "memorySizeMb", "maxMemoryUsedMb"] as const;
  const missing = required.filter((key) => fields[key] === undefined);
  if (missing.length > 0) {
    throw new InvocationLogError(
      `The invocation's REPORT lacks ${missing.join(", ")}: ${JSON.stringify(line.slice(0, 300))}`,
    );
  }
  const report: InvocationReport = {
    durationMs: fields.durationMs!,
    billedDurationMs: fields.billedDurationMs!,
    memorySizeMb: fields.memorySizeMb!,
    maxMemoryUsedMb: fields.maxMemoryUsedMb!,
    status: fields.status ?? "success",
  };
  if (fields.initDurationMs !== undefined) report.initDurationMs = fields.initDurationMs;
  if (fields.restoreDurationMs !== undefined) report.restoreDurationMs = fields.restoreDurationMs;
  if (fields.billedRestoreDurationMs !== undefined) {
    report.billedRestoreDurationMs = fields.billedRestoreDurationMs;
  }
  if (fields.errorType !== undefined) report.errorType = fields.errorType;
  return report;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** Text logs always hold spaces, tabs or colons; base64 never does. */
function looksLikeBase64(value: string): boolean {
  const compact = value.replace(/[\r\n]/g, "");
  return compact.length > 0 && compact.length % 4 === 0 && BASE64.test(compact);
}

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** A small base64 decoder, so the core needs no Buffer (node:*) to read a log tail. */
function decodeBase64Utf8(value: string): string {
  const compact = value.replace(/[\r\n=]/g, "");
  const bytes = new Uint8Array(Math.floor((compact.length * 3) / 4));
  let bits = 0;
  let buffer = 0;
  let out = 0;
  for (const char of compact) {
    buffer = (buffer << 6) | ALPHABET.indexOf(char);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[out++] = (buffer >> bits) & 0xff;
    }
  }
  // The 4 KB cut may split a UTF-8 sequence at the start: replace it, do not fail.
  return new TextDecoder("utf-8", { fatal: false }).decode(bytes.subarray(0, out));
}
