/** Invoke over the real SDK: the duration model, REPORT lines, cold starts, OOM, timeout, errors. */

import { performance } from "node:perf_hooks";
import {
  CreateAliasCommand,
  InvalidRequestContentException,
  InvokeCommand,
  PublishVersionCommand,
  UpdateFunctionConfigurationCommand,
} from "@aws-sdk/client-lambda";
import { afterEach, describe, expect, it } from "vitest";
import type { EmulatorConfigInput } from "../../src/emulator/http-server.js";
import { type Harness, manualClock, reportFields, startHarness, tail } from "./emulator-helpers.js";

type FunctionInput = NonNullable<EmulatorConfigInput["functions"]>[number];

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function invokeReport(harness: Harness, name: string, qualifier?: string) {
  const out = await harness
    .lambda()
    .send(new InvokeCommand({ FunctionName: name, Qualifier: qualifier, LogType: "Tail" }));
  return { out, log: tail(out.LogResult), report: reportFields(tail(out.LogResult)) };
}

describe("emulator: the duration model (noiseCv 0, hand-computed)", () => {
  // vcpu = min(memory / 1769, 6); duration = fixedMs + (cpuMs / min(1, vcpu)
  //   + parallelCpuMs / min(threads, vcpu)) × (1 + gcPressure × u / (1 − u)) × arch factor.
  const cases: Array<[string, FunctionInput, { duration: string; init: string; billed: string }]> =
    [
      [
        // 30 + 800 × 1769/512 = 30 + 2764.0625 = 2794.0625; init 250 × 1769/512 = 863.7695;
        // billed = ceil(2794.06 + 863.77) = ceil(3657.83) = 3658.
        "CPU-bound at 512 MB",
        {
          name: "f",
          memorySize: 512,
          timeout: 30,
          model: { fixedMs: 30, cpuMs: 800, initMs: 250, memoryUsedMb: 150 },
        },
        { duration: "2794.06", init: "863.77", billed: "3658" },
      ],
      [
        // vcpu = 1: 30 + 800 = 830; init 250; billed = 1080.
        "CPU-bound at 1769 MB (one vCPU)",
        {
          name: "f",
          memorySize: 1769,
          timeout: 30,
          model: { fixedMs: 30, cpuMs: 800, initMs: 250, memoryUsedMb: 150 },
        },
        { duration: "830.00", init: "250.00", billed: "1080" },
      ],
      [
        // vcpu = 2, but single-threaded work cannot use the second: still 830.
        "single-threaded at 3538 MB",
        {
          name: "f",
          memorySize: 3538,
          timeout: 30,
          model: { fixedMs: 30, cpuMs: 800, initMs: 250, memoryUsedMb: 150 },
        },
        { duration: "830.00", init: "250.00", billed: "1080" },
      ],
      [
        // 4 threads, vcpu = 2: 1200 / 2 = 600; init 100 / 1 = 100; billed 700.
        "4 threads at 3538 MB",
        {
          name: "f",
          memorySize: 3538,
          timeout: 30,
          model: { parallelCpuMs: 1200, threads: 4, initMs: 100, memoryUsedMb: 150 },
        },
        { duration: "600.00", init: "100.00", billed: "700" },
      ],
      [
        // vcpu = min(10240/1769, 6) = 5.788; min(4 threads, 5.788) = 4: 1200 / 4 = 300; billed 400.
        "4 threads at 10240 MB",
        {
          name: "f",
          memorySize: 10_240,
          timeout: 30,
          model: { parallelCpuMs: 1200, threads: 4, initMs: 100, memoryUsedMb: 150 },
        },
        { duration: "300.00", init: "100.00", billed: "400" },
      ],
      [
        // u = 256/512 = 0.5, gc = 1 + 0.5 × 0.5/0.5 = 1.5; 100 × 1769/512 × 1.5 = 518.2617;
        // init 10 × 1769/512 = 34.5508; billed = ceil(518.26 + 34.55) = 553.
        "gc pressure near the heap limit",
        {
          name: "f",
          memorySize: 512,
          timeout: 30,
          model: { cpuMs: 100, initMs: 10, memoryUsedMb: 256, gcPressure: 0.5 },
        },
        { duration: "518.26", init: "34.55", billed: "553" },
      ],
      [
        // arm64 × 1.2: 30 + 800 × 1.2 = 990; init 250 (not CPU-factored); billed 1240.
        "arm64 with arm64CpuFactor 1.2",
        {
          name: "f",
          memorySize: 1769,
          timeout: 30,
          architecture: "arm64",
          model: { fixedMs: 30, cpuMs: 800, initMs: 250, memoryUsedMb: 150, arm64CpuFactor: 1.2 },
        },
        { duration: "990.00", init: "250.00", billed: "1240" },
      ],
    ];

  it.each(cases)("%s", async (_label, fn, expected) => {
    h = await startHarness({ functions: [fn] });
    const cold = await invokeReport(h, "f");
    expect(cold.out.StatusCode).toBe(200);
    expect(cold.out.FunctionError).toBeUndefined();
    expect(cold.report.Duration).toBe(expected.duration);
    expect(cold.report["Init Duration"]).toBe(expected.init);
    expect(cold.report["Billed Duration"]).toBe(expected.billed);
    expect(cold.report["Memory Size"]).toBe(String(fn.memorySize));
    expect(cold.report["Max Memory Used"]).toBe(
      "150".replace("150", String(fn.model?.memoryUsedMb)),
    );
    const warm = await invokeReport(h, "f");
    expect(warm.report["Init Duration"]).toBeUndefined();
    expect(warm.report["Billed Duration"]).toBe(String(Math.ceil(Number(expected.duration))));
  });
});

describe("emulator: failures come back as AWS returns them", () => {
  it("out of memory at 128 MB: 200, Unhandled, Runtime.OutOfMemory after fixedMs", async () => {
    h = await startHarness({
      functions: [
        {
          name: "pdf",
          memorySize: 128,
          timeout: 60,
          model: { fixedMs: 40, cpuMs: 1500, initMs: 64, memoryUsedMb: 180 },
        },
      ],
    });
    const { out, log, report } = await invokeReport(h, "pdf");
    expect(out.StatusCode).toBe(200);
    expect(out.FunctionError).toBe("Unhandled");
    const payload = JSON.parse(Buffer.from(out.Payload!).toString());
    expect(payload.errorType).toBe("Runtime.OutOfMemory");
    // Duration = fixedMs = 40; init = 64 × 1769/128 = 884.5; billed = ceil(40 + 884.5) = 925.
    expect(report).toMatchObject({
      Duration: "40.00",
      "Init Duration": "884.50",
      "Billed Duration": "925",
      "Max Memory Used": "128",
      Status: "error",
      "Error Type": "Runtime.OutOfMemory",
    });
    expect(log).toMatch(/\tStatus: error\tError Type: Runtime.OutOfMemory\t\n$/);
  });

  it("timeout: Sandbox.Timedout, Duration = the timeout, Status: timeout", async () => {
    h = await startHarness({
      functions: [
        { name: "slow", memorySize: 128, timeout: 3, model: { cpuMs: 5000, memoryUsedMb: 64 } },
      ],
    });
    const { out, log, report } = await invokeReport(h, "slow");
    expect(out.FunctionError).toBe("Unhandled");
    const payload = JSON.parse(Buffer.from(out.Payload!).toString());
    expect(payload).toEqual({
      errorType: "Sandbox.Timedout",
      errorMessage: expect.stringMatching(
        /^RequestId: \S+ Error: Task timed out after 3.00 seconds$/,
      ),
    });
    // 5000 × 1769/128 = 69,101 ms > 3,000 ms: the invocation is cut at the timeout.
    expect(report).toMatchObject({
      Duration: "3000.00",
      "Billed Duration": "3000",
      Status: "timeout",
    });
    expect(log).toContain("Task timed out after 3.00 seconds");
  });

  it("errorRate 1: every call fails Unhandled with an error payload", async () => {
    h = await startHarness({
      functions: [
        { name: "flaky", memorySize: 1769, model: { fixedMs: 5, memoryUsedMb: 64, errorRate: 1 } },
      ],
    });
    const { out, report } = await invokeReport(h, "flaky");
    expect(out.FunctionError).toBe("Unhandled");
    expect(JSON.parse(Buffer.from(out.Payload!).toString())).toMatchObject({ errorType: "Error" });
    expect(report.Status).toBe("error");
  });

  it("DryRun is 204 and runs nothing; Event is 202", async () => {
    h = await startHarness({ functions: [{ name: "f", memorySize: 1769, model: { fixedMs: 5 } }] });
    const lambda = h.lambda();
    const dry = await lambda.send(
      new InvokeCommand({ FunctionName: "f", InvocationType: "DryRun" }),
    );
    expect(dry.StatusCode).toBe(204);
    const event = await lambda.send(
      new InvokeCommand({ FunctionName: "f", InvocationType: "Event" }),
    );
    expect(event.StatusCode).toBe(202);
    // The DryRun left no environment behind, the Event did: the next call is warm.
    const { report } = await invokeReport(h, "f");
    expect(report["Init Duration"]).toBeUndefined();
  });
});

describe("emulator: log formats", () => {
  it("JSON format: platform.start, app lines, platform.report with metrics", async () => {
    h = await startHarness({
      functions: [
        {
          name: "events",
          memorySize: 1769,
          logFormat: "JSON",
          model: {
            fixedMs: 20,
            cpuMs: 80,
            initMs: 300,
            memoryUsedMb: 110,
            appLogLines: ["batch of 10"],
          },
        },
      ],
    });
    const out = await h
      .lambda()
      .send(new InvokeCommand({ FunctionName: "events", LogType: "Tail" }));
    const records = tail(out.LogResult)
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(records.map((r) => r.type ?? "app")).toEqual([
      "platform.initStart",
      "platform.start",
      "app",
      "platform.runtimeDone",
      "platform.report",
    ]);
    expect(records[2]).toMatchObject({ level: "INFO", message: "batch of 10" });
    // 20 + 80 = 100 ms; init 300 ms; billed 400.
    expect(records[4].record).toEqual({
      requestId: out.$metadata.requestId,
      status: "success",
      metrics: {
        durationMs: 100,
        billedDurationMs: 400,
        memorySizeMB: 1769,
        maxMemoryUsedMB: 110,
        initDurationMs: 300,
      },
    });
  });

  it("switching LoggingConfig to JSON changes the tail format; the tail is at most 4 KB", async () => {
    const long = "x".repeat(200);
    h = await startHarness({
      functions: [
        {
          name: "chatty",
          memorySize: 1769,
          model: { fixedMs: 5, appLogLines: Array(40).fill(long) },
        },
      ],
    });
    const text = await invokeReport(h, "chatty");
    expect(Buffer.from(text.out.LogResult!, "base64").length).toBe(4096);
    expect(text.log.endsWith("\t\n")).toBe(true);
    expect(text.log).toContain(`INFO\t${long}`);
    await h.lambda().send(
      new UpdateFunctionConfigurationCommand({
        FunctionName: "chatty",
        LoggingConfig: { LogFormat: "JSON" },
      }),
    );
    const out = await h
      .lambda()
      .send(new InvokeCommand({ FunctionName: "chatty", LogType: "Tail" }));
    const last = JSON.parse(tail(out.LogResult).trim().split("\n").at(-1)!);
    expect(last.type).toBe("platform.report");
  });
});

describe("emulator: cold starts", () => {
  it("first call of each version is cold; an update makes $LATEST cold; idle environments expire", async () => {
    const clock = manualClock("2026-11-20T12:00:00Z");
    h = await startHarness(
      { functions: [{ name: "f", memorySize: 1769, model: { fixedMs: 10, initMs: 100 } }] },
      { now: clock.now },
    );
    const lambda = h.lambda();
    const cold = async (qualifier?: string) =>
      (await invokeReport(h!, "f", qualifier)).report["Init Duration"] !== undefined;
    expect(await cold()).toBe(true);
    expect(await cold()).toBe(false);
    await lambda.send(new PublishVersionCommand({ FunctionName: "f" }));
    expect(await cold("1")).toBe(true);
    expect(await cold("1")).toBe(false);
    await lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: "f", Timeout: 10 }));
    expect(await cold()).toBe(true);
    clock.advance(9 * 60_000);
    expect(await cold()).toBe(false);
    clock.advance(11 * 60_000); // default idle expiry: 10 minutes
    expect(await cold()).toBe(true);
  });

  it("concurrent calls (timeScale 1) need one environment each; they are then reused", async () => {
    h = await startHarness({
      timeScale: 1,
      functions: [{ name: "f", memorySize: 1769, model: { fixedMs: 150, initMs: 20 } }],
    });
    const wave = () => Promise.all([1, 2, 3].map(() => invokeReport(h!, "f")));
    const first = await wave();
    expect(first.filter((r) => r.report["Init Duration"] !== undefined)).toHaveLength(3);
    const second = await wave();
    expect(second.filter((r) => r.report["Init Duration"] !== undefined)).toHaveLength(0);
  });
});

describe("emulator: determinism under a seed", () => {
  const config = (seed: number): EmulatorConfigInput => ({
    seed,
    functions: [
      {
        name: "noisy",
        memorySize: 1024,
        model: { fixedMs: 30, cpuMs: 300, initMs: 200, noiseCv: 0.2, errorRate: 0.3 },
      },
    ],
  });
  async function run(seed: number) {
    const harness = await startHarness(config(seed));
    const out: string[] = [];
    for (let i = 0; i < 8; i += 1) {
      const r = await invokeReport(harness, "noisy");
      out.push(`${r.out.$metadata.requestId} ${r.report.Duration} ${r.out.FunctionError ?? "ok"}`);
    }
    await harness.close();
    return out;
  }

  it("the same seed and calls give the same durations, errors and request ids", async () => {
    const a = await run(7);
    const b = await run(7);
    const c = await run(8);
    expect(a).toEqual(b);
    expect(c).not.toEqual(a);
    // noiseCv 0.2 really varies the durations.
    expect(new Set(a.map((l) => l.split(" ")[1])).size).toBeGreaterThan(4);
  });

  it("a version's n-th call gets the same draws however calls to other versions interleave", async () => {
    // tune invokes several versions at once; the order their calls arrive in changes with the
    // machine's load, and must not change what each version measures.
    async function durationsByVersion(order: string[]) {
      const harness = await startHarness(config(7));
      const lambda = harness.lambda();
      for (const memorySize of [512, 2048]) {
        await lambda.send(
          new UpdateFunctionConfigurationCommand({ FunctionName: "noisy", MemorySize: memorySize }),
        );
        await lambda.send(new PublishVersionCommand({ FunctionName: "noisy" }));
      }
      const byVersion: Record<string, string[]> = { "1": [], "2": [] };
      for (const version of order) {
        const r = await invokeReport(harness, "noisy", version);
        byVersion[version]!.push(`${r.report.Duration} ${r.out.FunctionError ?? "ok"}`);
      }
      await harness.close();
      return byVersion;
    }
    const alternating = await durationsByVersion(["1", "2", "1", "2", "1", "2", "1", "2"]);
    const grouped = await durationsByVersion(["2", "2", "2", "2", "1", "1", "1", "1"]);
    expect(grouped).toEqual(alternating);
    // Not a constant: the draws vary within a version.
    expect(new Set(alternating["1"]).size).toBeGreaterThan(2);
  });
});

describe("emulator: timeScale and alias routing", () => {
  it("timeScale scales the real sleep: 0.5 × (400 ms + 100 ms init) ≥ 250 ms; 0 answers at once", async () => {
    h = await startHarness({
      timeScale: 0.5,
      functions: [{ name: "f", memorySize: 1769, model: { fixedMs: 400, initMs: 100 } }],
    });
    const lambda = h.lambda();
    const start = performance.now();
    await lambda.send(new InvokeCommand({ FunctionName: "f" }));
    expect(performance.now() - start).toBeGreaterThanOrEqual(245);
  });

  it("an alias with routing weights sends that share to the extra version, seeded", async () => {
    h = await startHarness({ functions: [{ name: "f", memorySize: 1769, model: { fixedMs: 5 } }] });
    const lambda = h.lambda();
    await lambda.send(new PublishVersionCommand({ FunctionName: "f" }));
    await lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: "f", Timeout: 9 }));
    await lambda.send(new PublishVersionCommand({ FunctionName: "f" }));
    await lambda.send(
      new CreateAliasCommand({
        FunctionName: "f",
        Name: "live",
        FunctionVersion: "1",
        RoutingConfig: { AdditionalVersionWeights: { "2": 0.5 } },
      }),
    );
    const executed: string[] = [];
    for (let i = 0; i < 40; i += 1) {
      const out = await lambda.send(new InvokeCommand({ FunctionName: "f:live" }));
      executed.push(out.ExecutedVersion!);
    }
    expect(new Set(executed)).toEqual(new Set(["1", "2"]));
    const share = executed.filter((v) => v === "2").length / executed.length;
    expect(share).toBeGreaterThan(0.25);
    expect(share).toBeLessThan(0.75);
  });
});

describe("emulator: close() during a long invocation", () => {
  it("does not wait for the modelled 60 s", async () => {
    const harness = await startHarness({
      timeScale: 1,
      functions: [{ name: "slow", memorySize: 1769, timeout: 900, model: { fixedMs: 60_000 } }],
    });
    const pending = harness.lambda().send(new InvokeCommand({ FunctionName: "slow" }));
    pending.catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const start = performance.now();
    await harness.close();
    expect(performance.now() - start).toBeLessThan(5_000);
    await expect(pending).rejects.toThrow();
  });
});

describe("emulator: Invoke request errors", () => {
  it("a payload that is not JSON is 400 InvalidRequestContentException; over 6 MB is 413", async () => {
    h = await startHarness({ functions: [{ name: "f", memorySize: 1769, model: { fixedMs: 5 } }] });
    const lambda = h.lambda();
    await expect(
      lambda.send(new InvokeCommand({ FunctionName: "f", Payload: Buffer.from("{not json") })),
    ).rejects.toBeInstanceOf(InvalidRequestContentException);
    const big = Buffer.from(JSON.stringify({ data: "x".repeat(6_300_000) }));
    const error = await lambda
      .send(new InvokeCommand({ FunctionName: "f", Payload: big }))
      .catch((e: unknown) => e);
    // The wire code clients report is RequestEntityTooLargeException (not the modelled class).
    expect(error).toMatchObject({
      name: "RequestEntityTooLargeException",
      message: "Request must be smaller than 6291456 bytes for the InvokeFunction operation",
      $metadata: { httpStatusCode: 413 },
    });
    const ok = await lambda.send(
      new InvokeCommand({ FunctionName: "f", Payload: Buffer.from('{"a":1}') }),
    );
    expect(ok.StatusCode).toBe(200);
  });
});
