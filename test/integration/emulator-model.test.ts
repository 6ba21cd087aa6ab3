/** The emulator's pure pieces: config validation, the duration model, history allocation, logs. */
import { describe, expect, it } from "vitest";
import { emulatorConfig } from "../../src/emulator/config.js";
import { simulateInvocation } from "../../src/emulator/duration-model.js";
import { allocateCumulative, MonthSeries, monthBounds } from "../../src/emulator/history.js";
import { invocationLog, logTail } from "../../src/emulator/log-format.js";
import { parseFunctionName } from "../../src/emulator/state.js";
import { inverseNormal } from "../../src/emulator/statistics.js";

describe("emulatorConfig", () => {
  it("fills defaults so a config can name only what matters", () => {
    const config = emulatorConfig({ functions: [{ name: "f" }] });
    expect(config).toMatchObject({ seed: 1, accountId: "123456789012", timeScale: 0 });
    expect(config.faults).toEqual({
      throttleRate: 0,
      serviceErrorRate: 0,
      updateLatencyMs: 0,
      cloudwatchThrottleRate: 0,
      logsThrottleRate: 0,
    });
    expect(config.functions[0]).toMatchObject({
      packageType: "Zip",
      region: "us-east-1",
      memorySize: 128,
      timeout: 3,
      architecture: "x86_64",
      ephemeralStorage: 512,
      logFormat: "Text",
      model: { threads: 1, memoryUsedMb: 64, arm64CpuFactor: 1, noiseCv: 0 },
    });
  });

  it.each([
    [
      { functions: [{ name: "f", timeout: 901 }] },
      "functions[0].timeout must be at most 900 (got 901)",
    ],
    [
      { functions: [{ name: "f", architecture: "ia64" }] },
      'functions[0].architecture must be one of "x86_64", "arm64" (got "ia64")',
    ],
    [
      { functions: [{ name: "f", model: { noiseCV: 0.1 } }] },
      'functions[0].model has an unknown field "noiseCV"; did you mean "noiseCv"?',
    ],
    [{ faults: { throttleRate: 2 } }, "faults.throttleRate must be at most 1 (got 2)"],
    [{ accountId: "42" }, 'accountId must be 12 digits (got "42")'],
    [
      { functions: [{ name: "f", provisionedConcurrency: [{ qualifier: "7", amount: 1 }] }] },
      'functions[0].provisionedConcurrency[0].qualifier must be an alias name or version 1 (got "7")',
    ],
    [
      { functions: [{ name: "f" }, { name: "f" }] },
      'functions[1].name "f" is already a function in us-east-1; give each function of a region its own name',
    ],
    [
      {
        functions: [
          { name: "f", history: [{ month: "2026-10", invocationsPerDay: 1.5, avgDurationMs: 1 }] },
        ],
      },
      "functions[0].history[0].invocationsPerDay must be a whole number (got 1.5)",
    ],
    [
      { functions: [{ name: "f", packageType: "Jar" }] },
      'functions[0].packageType must be one of "Zip", "Image" (got "Jar")',
    ],
    [
      { functions: [{ name: "f", layers: [{ arn: "my-layer" }] }] },
      'functions[0].layers[0].arn must be a layer version ARN (arn:aws:lambda:REGION:ACCOUNT:layer:NAME:VERSION) (got "my-layer")',
    ],
    [
      { functions: [{ name: "f", logRetentionDays: 10 }] },
      "functions[0].logRetentionDays must be one of 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653, the retention periods CloudWatch Logs accepts (got 10)",
    ],
    [
      {
        functions: [
          {
            name: "f",
            history: [
              { month: "2026-10", invocationsPerDay: 1, avgDurationMs: 1, spilloverShare: 2 },
            ],
          },
        ],
      },
      "functions[0].history[0].spilloverShare must be at most 1 (got 2)",
    ],
  ])("rejects %j with one line naming the field", (input, message) => {
    expect(() => emulatorConfig(input)).toThrow(`emulator config: ${message}`);
  });
});

describe("simulateInvocation", () => {
  const model = {
    fixedMs: 0,
    cpuMs: 0,
    parallelCpuMs: 0,
    threads: 1,
    initMs: 0,
    memoryUsedMb: 64,
    gcPressure: 0,
    noiseCv: 0,
    errorRate: 0.5,
    arm64CpuFactor: 1,
  };
  const draws = { durationNoise: 1, initNoise: 1, errorDraw: 0.9 };

  it("bills ⌈duration + init⌉ in exact hundredths: 100.10 + 49.90 is 150, not 151", () => {
    const out = simulateInvocation(
      {
        model: { ...model, fixedMs: 100.1, initMs: 49.9 },
        memoryMb: 1769,
        architecture: "x86_64",
        timeoutSec: 3,
        cold: true,
      },
      draws,
    );
    expect(out).toMatchObject({ status: "success", billedMs: 150 });
  });

  it("errorRate compares with the draw", () => {
    const input = {
      model,
      memoryMb: 1769,
      architecture: "x86_64" as const,
      timeoutSec: 3,
      cold: false,
    };
    expect(simulateInvocation(input, { ...draws, errorDraw: 0.49 }).status).toBe("error");
    expect(simulateInvocation(input, { ...draws, errorDraw: 0.5 }).status).toBe("success");
  });

  it("noise multiplies the duration: 200 ms × 1.1 = 220 ms", () => {
    const out = simulateInvocation(
      {
        model: { ...model, fixedMs: 200 },
        memoryMb: 1769,
        architecture: "x86_64",
        timeoutSec: 3,
        cold: false,
      },
      { ...draws, durationNoise: 1.1 },
    );
    expect(out.durationMs).toBeCloseTo(220, 9);
    expect(out.billedMs).toBe(220);
  });
});

describe("history generation", () => {
  it("allocateCumulative splits a total into integers that add up exactly", () => {
    const weights = new Float64Array([0, 1, 3, 3, 6]); // running totals of 1, 2, 0, 3
    const out = allocateCumulative(10, weights);
    expect([...out]).toEqual([0, 2, 5, 5, 10]); // 2, 3, 0, 5 (round(10×1/6)=2, round(10×3/6)=5)
  });

  it.each([
    ["2026-02", 28, 123_457, 41.7],
    ["2026-10", 31, 250_000, 180],
    ["2026-11", 30, 999_999, 0.33],
  ])(
    "%s: %i days, exact monthly sums, integer hours that add up to their days",
    (month, days, perDay, avgMs) => {
      const entry = {
        month,
        invocationsPerDay: perDay,
        avgDurationMs: avgMs,
        provisionedShare: 0.2,
      };
      const series = new MonthSeries(1, "us-east-1|f", entry, 0.01);
      expect(series.hours).toBe(days * 24);
      expect(series.startMs).toBe(monthBounds(month).startMs);
      const total = perDay * days;
      expect(series.sum("invocations", 0, series.hours)).toBe(total);
      expect(series.sum("durationTicks", 0, series.hours)).toBeCloseTo(total * avgMs, 2);
      expect(series.sum("errors", 0, series.hours)).toBe(Math.round(total * 0.01));
      expect(series.sum("provisionedInvocations", 0, series.hours)).toBe(Math.round(total * 0.2));
      let byHour = 0;
      let durationByHour = 0;
      for (let h = 0; h < series.hours; h += 1) {
        const calls = series.sum("invocations", h, h + 1);
        expect(Number.isInteger(calls) && calls >= 0).toBe(true);
        byHour += calls;
        durationByHour += series.sum("durationTicks", h, h + 1);
      }
      expect(byHour).toBe(total);
      expect(durationByHour).toBe(series.sum("durationTicks", 0, series.hours));
      // A range cutting into days on both ends equals the sum of its hours.
      let pieces = 0;
      for (let h = 13; h < 77; h += 1) pieces += series.sum("invocations", h, h + 1);
      expect(series.sum("invocations", 13, 77)).toBe(pieces);
    },
  );

  it("is a function of (seed, function, month) only", () => {
    const entry = { month: "2026-10", invocationsPerDay: 5000, avgDurationMs: 80 };
    const hours = (s: MonthSeries) =>
      Array.from({ length: 48 }, (_, h) => s.sum("invocations", h, h + 1));
    const a = hours(new MonthSeries(1, "us-east-1|f", entry, 0));
    expect(hours(new MonthSeries(1, "us-east-1|f", entry, 0))).toEqual(a);
    expect(hours(new MonthSeries(2, "us-east-1|f", entry, 0))).not.toEqual(a);
    expect(hours(new MonthSeries(1, "us-east-1|g", entry, 0))).not.toEqual(a);
  });
});

describe("logs", () => {
  const outcome = {
    status: "success" as const,
    durationMs: 12.345,
    initMs: 150.123,
    billedMs: 163,
    maxMemoryUsedMb: 70,
    errorType: undefined,
  };
  const base = {
    requestId: "r-1",
    version: "$LATEST",
    memorySizeMb: 128,
    outcome,
    appLogLines: [],
    timestamp: "2026-11-26T09:00:00.000Z",
    runtime: "nodejs20.x",
    region: "us-east-1",
    functionName: "f",
    timeoutSec: 3,
  };

  it("text REPORT: tab-separated, trailing tab, Init Duration on a cold start", () => {
    const log = invocationLog({ ...base, format: "Text" });
    expect(log.split("\n").at(-2)).toBe(
      "REPORT RequestId: r-1\tDuration: 12.35 ms\tBilled Duration: 163 ms\tMemory Size: 128 MB\tMax Memory Used: 70 MB\tInit Duration: 150.12 ms\t",
    );
  });

  it("the tail is the last 4096 bytes, base64", () => {
    const log = invocationLog({
      ...base,
      format: "Text",
      appLogLines: Array(100).fill("é".repeat(50)),
    });
    const bytes = Buffer.from(logTail(log), "base64");
    expect(bytes.length).toBe(4096);
    expect(Buffer.from(log).subarray(-4096).equals(bytes)).toBe(true);
  });
});

describe("parseFunctionName", () => {
  it.each([
    ["f", { name: "f" }],
    ["f:7", { name: "f", qualifier: "7" }],
    ["123456789012:function:f:live", { name: "f", qualifier: "live" }],
    ["arn:aws:lambda:eu-west-1:123456789012:function:f", { name: "f", region: "eu-west-1" }],
    [
      "arn:aws:lambda:eu-west-1:123456789012:function:f:$LATEST",
      { name: "f", region: "eu-west-1", qualifier: "$LATEST" },
    ],
  ])("%s", (input, expected) => {
    expect(parseFunctionName(input)).toEqual(expected);
  });
});

it("inverseNormal matches the normal table: z(0.975) = 1.959964, z(0.5) = 0", () => {
  expect(inverseNormal(0.975)).toBeCloseTo(1.959964, 5);
  expect(inverseNormal(0.5)).toBeCloseTo(0, 9);
  expect(inverseNormal(0.01)).toBeCloseTo(-2.326348, 5);
});
