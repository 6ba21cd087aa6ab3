/**
 * From Invoke's answer to a sample, weighted payload order, and the invocation loop's handling
 * of throttles and planner batches, against small fakes.
 */
import { describe, expect, it } from "vitest";
import { AwsError } from "../../src/core/errors.js";
import { type RawInvocation, ThrottledError } from "../../src/core/tuning/ports.js";
import type { SamplingPlanner } from "../../src/core/tuning/types.js";
import { measure, toSample } from "../../src/tune/measure.js";
import { createPayloadPicker } from "../../src/tune/payloads.js";
import { createFakeTarget } from "./tune-fake-target.js";

const b64 = (text: string) => Buffer.from(text).toString("base64");
const raw = (log: string, extra: Partial<RawInvocation> = {}): RawInvocation => ({
  statusCode: 200,
  logResultBase64: b64(log),
  payloadText: "null",
  ...extra,
});

describe("toSample", () => {
  it.each([
    [
      "warm success",
      raw(
        "REPORT RequestId: a\tDuration: 12.34 ms\tBilled Duration: 13 ms\tMemory Size: 128 MB\tMax Memory Used: 70 MB\t\n",
      ),
      {
        durationMs: 12.34,
        billedDurationMs: 13,
        maxMemoryUsedMb: 70,
        coldStart: false,
        errorType: undefined,
      },
    ],
    [
      "cold start (INIT present); billed already includes INIT",
      raw(
        "REPORT RequestId: a\tDuration: 187.71 ms\tBilled Duration: 694 ms\tMemory Size: 128 MB\tMax Memory Used: 80 MB\tInit Duration: 505.50 ms\t\n",
      ),
      { billedDurationMs: 694, initDurationMs: 505.5, coldStart: true, errorType: undefined },
    ],
    [
      "timeout from the REPORT status",
      raw(
        "REPORT RequestId: a\tDuration: 3000.00 ms\tBilled Duration: 3000 ms\tMemory Size: 128 MB\tMax Memory Used: 64 MB\tStatus: timeout\n",
        { functionError: "Unhandled", payloadText: '{"errorType":"Sandbox.Timedout"}' },
      ),
      { errorType: "Sandbox.Timedout" },
    ],
    [
      "handler error: the payload's errorType",
      raw(
        "REPORT RequestId: a\tDuration: 5.00 ms\tBilled Duration: 5 ms\tMemory Size: 128 MB\tMax Memory Used: 64 MB\t\n",
        { functionError: "Unhandled", payloadText: '{"errorType":"TypeError","errorMessage":"x"}' },
      ),
      { errorType: "TypeError" },
    ],
  ])("%s", (_label, input, expected) => {
    expect(toSample(128, input)).toMatchObject(expected);
  });

  it("a tail without REPORT stops the run with a clear AwsError", () => {
    expect(() =>
      toSample(512, raw("START RequestId: a\nsome app log\n", { executedVersion: "7" })),
    ).toThrow(AwsError);
    expect(() => toSample(512, raw("START RequestId: a\n", { executedVersion: "7" }))).toThrow(
      /cannot measure 512 MB \(version 7\): No REPORT line/,
    );
  });
});

describe("createPayloadPicker", () => {
  it("sends 3:1 weights in proportion in every window of 4", () => {
    const pick = createPayloadPicker([
      { payload: "a", weight: 3 },
      { payload: "b", weight: 1 },
    ]);
    const order = Array.from({ length: 8 }, () => pick()).join("");
    expect(order).toBe("aabaaaba");
  });
});

describe("measure", () => {
  it("resends throttled invocations and asks the planner until it is done", async () => {
    const { target } = createFakeTarget();
    const snap = await target.snapshot();
    const { version } = await target.publishVersion(snap.revisionId, "d");
    let calls = 0;
    const throttling = {
      ...target,
      invoke: async (...args: Parameters<typeof target.invoke>) => {
        calls += 1;
        if (calls % 3 === 0) throw new ThrottledError("429");
        return target.invoke(...args);
      },
    };
    const batches: number[] = [];
    const planner: SamplingPlanner = {
      next(samples) {
        const have = samples.get(1024)?.length ?? 0;
        if (have >= 12) return { items: [], done: true, reason: "enough" };
        batches.push(have);
        return { items: [{ memoryMb: 1024, invocations: 6 }], done: false };
      },
    };
    const result = await measure(throttling, {
      versions: new Map([[1024, version]]),
      planner,
      concurrency: 2,
      payloads: [{ payload: "{}", weight: 1 }],
      sleep: async () => {},
    });
    expect(batches).toEqual([0, 6]);
    expect(result.samplesBySize.get(1024)).toHaveLength(12);
    expect(result.throttledInvocations).toBeGreaterThan(0);
    expect(result.stopReason).toBe("enough");
  });
});
