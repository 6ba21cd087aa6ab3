import { Buffer } from "node:buffer";
import { describe, expect, it } from "vitest";
import {
  billedMsOf,
  InvocationLogError,
  parseInvocationLog,
} from "../../src/core/tuning/parse-log.js";

const ID = "c3e4d5f6-1a2b-4c3d-8e9f-0a1b2c3d4e5f";
const b64 = (text: string) => Buffer.from(text, "utf8").toString("base64");

// Real-world REPORT variants, shaped after the AWS Lambda developer guide (monitoring-cloudwatchlogs, Telemetry API).
const cases: Array<[string, string, Record<string, unknown>]> = [
  [
    "warm text line with trailing tab",
    `START RequestId: ${ID} Version: 3\nEND RequestId: ${ID}\nREPORT RequestId: ${ID}\tDuration: 12.34 ms\tBilled Duration: 13 ms\tMemory Size: 128 MB\tMax Memory Used: 70 MB\t\n`,
    {
      durationMs: 12.34,
      billedDurationMs: 13,
      memorySizeMb: 128,
      maxMemoryUsedMb: 70,
      status: "success",
    },
  ],
  [
    "cold start since the INIT billing change (billed = ceil(187.71 + 505.x))",
    `REPORT RequestId: ${ID}\tDuration: 187.71 ms\tBilled Duration: 694 ms\tMemory Size: 1024 MB\tMax Memory Used: 98 MB\tInit Duration: 505.62 ms\t`,
    { durationMs: 187.71, billedDurationMs: 694, initDurationMs: 505.62, memorySizeMb: 1024 },
  ],
  [
    "older `ms \\t` spacing (2023 line)",
    `REPORT RequestId: ${ID}\tDuration: 834.86 ms\tBilled Duration: 835 ms \tMemory Size: 512 MB\tMax Memory Used: 120 MB\tInit Duration: 479.18 ms\t`,
    { durationMs: 834.86, billedDurationMs: 835, initDurationMs: 479.18, maxMemoryUsedMb: 120 },
  ],
  [
    "timeout with X-Ray on the next line of the same event",
    `REPORT RequestId: ${ID}\tDuration: 3000.00 ms\tBilled Duration: 3000 ms\tMemory Size: 128 MB\tMax Memory Used: 64 MB\tStatus: timeout\nXRAY TraceId: 1-5e1b4151-5ac6c58f5e3b0c1e2d3f4a5b\tSegmentId: 6b1c8e1f2a3d4e5f\tSampled: true\t\n`,
    { durationMs: 3000, billedDurationMs: 3000, status: "timeout" },
  ],
  [
    "crash with Error Type",
    `REPORT RequestId: ${ID}\tDuration: 41.20 ms\tBilled Duration: 42 ms\tMemory Size: 128 MB\tMax Memory Used: 128 MB\tStatus: error\tError Type: Runtime.OutOfMemory\t`,
    { status: "error", errorType: "Runtime.OutOfMemory", maxMemoryUsedMb: 128 },
  ],
  [
    "SnapStart restore fields (no Init Duration)",
    `RESTORE_REPORT Restore Duration: 474.16 ms\nREPORT RequestId: ${ID}\tDuration: 98.10 ms\tBilled Duration: 99 ms\tMemory Size: 2048 MB\tMax Memory Used: 180 MB\tRestore Duration: 474.16 ms\tBilled Restore Duration: 75 ms\t`,
    {
      billedDurationMs: 99,
      restoreDurationMs: 474.16,
      billedRestoreDurationMs: 75,
      initDurationMs: undefined,
    },
  ],
  [
    "a cut-off first line and application logs, multi-line JSON included",
    `uest-id": "x", "level": "INFO"}\n2026-09-17T10:00:00.000Z\t${ID}\tINFO\t{\n  "order": 42,\n  "msg": "REPORT of sales"\n}\nEND RequestId: ${ID}\nREPORT RequestId: ${ID}\tDuration: 2806.63 ms\tBilled Duration: 3167 ms\tMemory Size: 256 MB\tMax Memory Used: 201 MB\tInit Duration: 360.01 ms\t\n`,
    { durationMs: 2806.63, billedDurationMs: 3167, initDurationMs: 360.01, memorySizeMb: 256 },
  ],
  [
    "JSON log format, cold (power-tuning PR #233 fixture)",
    [
      `{"time":"2026-01-01T00:00:00.000Z","type":"platform.start","record":{"requestId":"${ID}","version":"8"}}`,
      `{"time":"2026-01-01T00:00:00.002Z","type":"platform.runtimeDone","record":{"requestId":"${ID}","status":"success","metrics":{"durationMs":1.056,"producedBytes":50}}}`,
      `{"time":"2026-01-01T00:00:00.003Z","type":"platform.report","record":{"requestId":"${ID}","status":"success","metrics":{"durationMs":1.317,"billedDurationMs":2,"memorySizeMB":1024,"maxMemoryUsedMB":68,"initDurationMs":10}}}`,
    ].join("\n"),
    {
      durationMs: 1.317,
      billedDurationMs: 2,
      memorySizeMb: 1024,
      maxMemoryUsedMb: 68,
      initDurationMs: 10,
      status: "success",
    },
  ],
  [
    "JSON warm start without initDurationMs (power-tuning issue #305) and an extension line",
    [
      `{"timestamp":"2026-01-01T00:00:00Z","level":"INFO","message":{"nested":{"type":"order"}}}`,
      "[my-extension] flushed 3 spans",
      `{"time":"2026-01-01T00:00:00.003Z","type":"platform.report","record":{"requestId":"${ID}","status":"success","metrics":{"durationMs":5.5,"billedDurationMs":6,"memorySizeMB":512,"maxMemoryUsedMB":80}}}`,
      "[my-extension] shutdown",
    ].join("\n"),
    { durationMs: 5.5, billedDurationMs: 6, memorySizeMb: 512, initDurationMs: undefined },
  ],
  [
    "JSON timeout with errorType",
    `{"time":"t","type":"platform.report","record":{"requestId":"${ID}","status":"timeout","errorType":"Sandbox.Timedout","metrics":{"durationMs":3000,"billedDurationMs":3000,"memorySizeMB":128,"maxMemoryUsedMB":60}}}`,
    { status: "timeout", errorType: "Sandbox.Timedout", billedDurationMs: 3000 },
  ],
  [
    "JSON SnapStart restore fields",
    `{"time":"t","type":"platform.report","record":{"requestId":"${ID}","status":"success","metrics":{"durationMs":20.1,"billedDurationMs":21,"memorySizeMB":1024,"maxMemoryUsedMB":150,"restoreDurationMs":400.5,"billedRestoreDurationMs":120}}}`,
    { billedDurationMs: 21, restoreDurationMs: 400.5, billedRestoreDurationMs: 120 },
  ],
];

describe("parseInvocationLog", () => {
  it.each(cases)("reads %s (text)", (_name, text, expected) => {
    expect(parseInvocationLog(text)).toMatchObject(dropUndefined(expected));
    for (const [key, value] of Object.entries(expected)) {
      if (value === undefined) expect(parseInvocationLog(text)).not.toHaveProperty(key);
    }
  });

  it.each(cases)("reads %s (base64, as Invoke returns it)", (_name, text, expected) => {
    expect(parseInvocationLog(b64(text))).toMatchObject(dropUndefined(expected));
  });

  it("takes the last REPORT when a tail holds two", () => {
    const text = `REPORT RequestId: a\tDuration: 1.00 ms\tBilled Duration: 1 ms\tMemory Size: 128 MB\tMax Memory Used: 60 MB\nREPORT RequestId: b\tDuration: 2.00 ms\tBilled Duration: 2 ms\tMemory Size: 128 MB\tMax Memory Used: 61 MB\n`;
    expect(parseInvocationLog(text).billedDurationMs).toBe(2);
  });

  it("survives a base64 tail whose first UTF-8 character was cut", () => {
    const bytes = Buffer.from(`é${cases[0]![1]}`, "utf8").subarray(1); // half of "é"
    expect(parseInvocationLog(bytes.toString("base64")).billedDurationMs).toBe(13);
  });

  it.each([
    ["an empty tail", ""],
    ["application lines only", "START RequestId: x\nhello world\nEND RequestId: x\n"],
    ["a REPORT cut before its fields", "ion: 12 ms\tMemory Size: 128 MB"],
  ])("throws a clear error on %s", (_name, text) => {
    expect(() => parseInvocationLog(text)).toThrow(InvocationLogError);
    expect(() => parseInvocationLog(text)).toThrow(/No REPORT line/);
  });

  it("names the missing field of a malformed REPORT", () => {
    expect(() => parseInvocationLog("REPORT RequestId: x\tDuration: 1.00 ms\t")).toThrow(
      /lacks billedDurationMs, memorySizeMb, maxMemoryUsedMb/,
    );
  });
});

describe("billedMsOf", () => {
  it.each([
    // SnapStart: 99 billed + 75 billed restore = 174 ms billed, by hand.
    [cases[5]![1], 174],
    // On-demand cold start: Billed Duration already includes INIT; nothing is added.
    [cases[1]![1], 694],
  ])("bills %#", (text, expected) => {
    expect(billedMsOf(parseInvocationLog(text))).toBe(expected);
  });
});

function dropUndefined(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
}
