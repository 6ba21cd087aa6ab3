/**
 * The execution log of one invocation in either log format, and its tail as Invoke returns it
 * (`X-Amz-Log-Result`: base64 of the last 4 KB). Formats per aws-wire.md §3: text REPORT lines
 * are tab-separated with a trailing tab; JSON uses telemetry `platform.*` records.
 */
import type { InvocationOutcome } from "./duration-model.js";
import { runtimeVersion, runtimeVersionArn } from "./runtime-version.js";

export interface LogInput {
  requestId: string;
  version: string;
  format: "Text" | "JSON";
  memorySizeMb: number;
  outcome: InvocationOutcome;
  appLogLines: readonly string[];
  timestamp: string;
  runtime: string;
  region: string;
  functionName: string;
  timeoutSec: number;
}

export const TAIL_BYTES = 4096;

const fixed2 = (ms: number) => ms.toFixed(2);

function reportStatus(outcome: InvocationOutcome): "success" | "error" | "timeout" {
  if (outcome.status === "success") return "success";
  return outcome.status === "timeout" ? "timeout" : "error";
}

function textLog(input: LogInput): string {
  const { requestId, outcome, timestamp } = input;
  const lines: string[] = [];
  if (outcome.initMs !== undefined) {
    const arn = runtimeVersionArn(input.region, input.runtime);
    lines.push(
      `INIT_START Runtime Version: ${runtimeVersion(input.runtime)}\tRuntime Version ARN: ${arn}\n`,
    );
  }
  lines.push(`START RequestId: ${requestId} Version: ${input.version}\n`);
  for (const line of input.appLogLines) lines.push(`${timestamp}\t${requestId}\tINFO\t${line}\n`);
  if (outcome.status === "timeout") {
    lines.push(
      `${timestamp} ${requestId} Task timed out after ${input.timeoutSec.toFixed(2)} seconds\n`,
    );
  }
  lines.push(`END RequestId: ${requestId}\n`);
  let report =
    `REPORT RequestId: ${requestId}\tDuration: ${fixed2(outcome.durationMs)} ms\t` +
    `Billed Duration: ${outcome.billedMs} ms\tMemory Size: ${input.memorySizeMb} MB\t` +
    `Max Memory Used: ${outcome.maxMemoryUsedMb} MB\t`;
  if (outcome.initMs !== undefined) report += `Init Duration: ${fixed2(outcome.initMs)} ms\t`;
  const status = reportStatus(outcome);
  if (status !== "success") {
    report += `Status: ${status}\t`;
    if (status === "error") report += `Error Type: ${outcome.errorType}\t`;
  }
  lines.push(`${report}\n`);
  return lines.join("");
}

function jsonLog(input: LogInput): string {
  const { requestId, outcome, timestamp: time } = input;
  const records: unknown[] = [];
  if (outcome.initMs !== undefined) {
    records.push({
      time,
      type: "platform.initStart",
      record: {
        initializationType: "on-demand",
        phase: "init",
        runtimeVersion: runtimeVersion(input.runtime),
        runtimeVersionArn: runtimeVersionArn(input.region, input.runtime),
        functionName: input.functionName,
        functionVersion: input.version,
      },
    });
  }
  records.push({ time, type: "platform.start", record: { requestId, version: input.version } });
  for (const message of input.appLogLines) {
    records.push({ timestamp: time, level: "INFO", requestId, message });
  }
  const status = reportStatus(outcome);
  const error = status === "success" ? {} : { errorType: outcome.errorType };
  records.push({
    time,
    type: "platform.runtimeDone",
    record: {
      requestId,
      status,
      ...error,
      metrics: { durationMs: round3(outcome.durationMs), producedBytes: 0 },
    },
  });
  records.push({
    time,
    type: "platform.report",
    record: {
      requestId,
      status,
      ...error,
      metrics: {
        durationMs: round3(outcome.durationMs),
        billedDurationMs: outcome.billedMs,
        memorySizeMB: input.memorySizeMb,
        maxMemoryUsedMB: outcome.maxMemoryUsedMb,
        ...(outcome.initMs !== undefined ? { initDurationMs: round3(outcome.initMs) } : {}),
      },
    },
  });
  return records.map((r) => `${JSON.stringify(r)}\n`).join("");
}

const round3 = (ms: number) => Math.round(ms * 1000) / 1000;

/** The whole execution log of one invocation. */
export function invocationLog(input: LogInput): string {
  return input.format === "JSON" ? jsonLog(input) : textLog(input);
}

/** The base64 log tail: the last 4 KB (the first line may be cut, as on AWS). */
export function logTail(log: string): string {
  const bytes = Buffer.from(log, "utf8");
  return bytes.subarray(Math.max(0, bytes.length - TAIL_BYTES)).toString("base64");
}
