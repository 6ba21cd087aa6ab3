/**
 * `tune --arch x86_64,arm64` against the emulator with the real SDK: picks across architectures
 * computed by hand (a function faster on arm64, one slower, one with an x86-only layer that
 * skips arm64), and $LATEST's code hash, architecture and configuration identical with no
 * version left after success, an error between a code swap and its publish, Ctrl-C right after
 * the swap, and a crash there followed by --recover.
 *
 * Hand computations (noise 0, so every warm invocation of a size bills the same): with
 * vcpu = memory / 1769, duration = fixedMs + cpuMs × 1769/memory × (arm64CpuFactor on arm64);
 * billed = ⌈duration to 0.01 ms⌉; cost = $0.0000002 + GB × billed s × rate, rate x86_64
 * $0.0000166667, arm64 $0.0000133334 per GB-s (us-east-1 tier 1, pricing/lambda.json).
 */
import { existsSync, readdirSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TuningTarget } from "../../src/core/tuning/ports.js";
import type { EmulatorHandle } from "../../src/emulator/types.js";
import { runTune } from "../../src/tune/run-tune.js";
import type { TuneOptions, TuneOutcome, TuneRunResult } from "../../src/tune/run-types.js";
import {
  baseOptions,
  comparable,
  deps,
  emulatorWith,
  fn,
  targetFor,
  tune,
} from "./tune-harness.js";

const X86_LAYER = "arn:aws:lambda:us-east-1:123456789012:layer:native-deps:3";
const opts: Partial<TuneOptions> = {
  sizesMb: [512, 1024],
  invocations: 5,
  architectures: ["x86_64", "arm64"],
};

const resultOf = (outcome: TuneOutcome) => {
  expect(outcome.kind).toBe("result");
  return (outcome as { result: TuneRunResult }).result;
};
const sizeOf = (result: TuneRunResult, memoryMb: number, architecture: string) =>
  result.analysis.sizes.find((s) => s.memoryMb === memoryMb && s.architecture === architecture);

describe("tune --arch x86_64,arm64: the pick across architectures, by hand", () => {
  let emulator: EmulatorHandle;
  beforeAll(async () => {
    const m = { fixedMs: 100, cpuMs: 1000, noiseCv: 0 };
    emulator = await emulatorWith([
      fn("graviton-fast", { ...m, arm64CpuFactor: 0.8 }),
      fn("graviton-slow", { ...m, arm64CpuFactor: 1.5 }),
      fn(
        "x86-layer",
        { ...m, arm64CpuFactor: 0.8 },
        { layers: [{ arn: X86_LAYER, compatibleArchitectures: ["x86_64"] }] },
      ),
    ]);
  });
  afterAll(async () => emulator.close());

  it("faster on arm64: 512 MB on arm64 wins, 35% cheaper than x86_64 there", async () => {
    const before = comparable(emulator, "graviton-fast");
    const { outcome, deps: d } = await tune(emulator, "graviton-fast", opts);
    const result = resultOf(outcome);
    // arm64 512: 100 + 1000 × 3.455078125 × 0.8 = 2864.0625 → 2864.06 ms, billed 2865 ms;
    // 0.0000002 + 0.5 × 2.865 × 0.0000133334 = 0.0000193000955.
    // arm64 1024: 100 + 1727.5390625 × 0.8 = 1482.03 → 1483 ms: 0.0000002 + 1.483 × 0.0000133334
    //   = 0.0000199734322. x86_64 512: 3555.08 → 3556 ms: 0.0000002 + 1.778 × 0.0000166667
    //   = 0.0000298333926; x86_64 1024: 1828 ms: 0.0000306667276.
    expect(sizeOf(result, 512, "arm64")?.costPerInvocation.toString()).toBe("0.0000193000955");
    expect(sizeOf(result, 1024, "arm64")?.costPerInvocation.toString()).toBe("0.0000199734322");
    expect(sizeOf(result, 512, "x86_64")?.costPerInvocation.toString()).toBe("0.0000298333926");
    expect(sizeOf(result, 1024, "x86_64")?.costPerInvocation.toString()).toBe("0.0000306667276");
    expect(result.analysis.recommendation).toMatchObject({ memoryMb: 512, architecture: "arm64" });
    // (0.0000193000955 − 0.0000298333926) / 0.0000298333926 = −0.35307…
    const comparison = result.analysis.architectureComparison;
    expect(comparison?.memoryMb).toBe(512);
    expect(comparison?.arm64RelativeDifference).toBeCloseTo(-0.35307, 4);
    expect(comparison?.distinguishable).toBe(true);
    expect(result.skippedArchitectures).toEqual([]);
    expect(result.restored).toBe(true);
    expect(comparable(emulator, "graviton-fast")).toEqual(before);
    // The saved zip went with the journal.
    expect(readdirSync(d.journalDir)).toEqual([]);
  });

  it("slower on arm64 (factor 1.5): 512 MB on x86_64 wins; arm64 is 18.7% dearer there", async () => {
    const before = comparable(emulator, "graviton-slow");
    const result = resultOf((await tune(emulator, "graviton-slow", opts)).outcome);
    // arm64 512: 100 + 3455.078125 × 1.5 = 5282.6171875 → 5282.62, billed 5283:
    // 0.0000002 + 2.6415 × 0.0000133334 = 0.0000354201761 (> x86_64 512's 0.0000298333926).
    expect(sizeOf(result, 512, "arm64")?.costPerInvocation.toString()).toBe("0.0000354201761");
    expect(result.analysis.recommendation).toMatchObject({ memoryMb: 512, architecture: "x86_64" });
    // (0.0000354201761 − 0.0000298333926) / 0.0000298333926 = +0.18727…
    expect(result.analysis.architectureComparison?.arm64RelativeDifference).toBeCloseTo(0.18727, 4);
    expect(result.restored).toBe(true);
    expect(comparable(emulator, "graviton-slow")).toEqual(before);
  });

  it("an x86-only layer: arm64 is skipped with its reason, nothing of it published", async () => {
    const before = comparable(emulator, "x86-layer");
    const published = emulator
      .requests()
      .filter((r) => r.action === "lambda:PublishVersion").length;
    const { outcome, lines } = await tune(emulator, "x86-layer", opts);
    const result = resultOf(outcome);
    expect(result.skippedArchitectures).toEqual([
      {
        architecture: "arm64",
        reason: `layer ${X86_LAYER} is compatible with x86_64 only (its CompatibleArchitectures)`,
      },
    ]);
    expect(lines).toContain(
      `skipping arm64: layer ${X86_LAYER} is compatible with x86_64 only (its CompatibleArchitectures)`,
    );
    expect(result.analysis.sizes.map((s) => s.architecture)).toEqual(["x86_64", "x86_64"]);
    expect(result.analysis.recommendation).toMatchObject({ memoryMb: 512, architecture: "x86_64" });
    const codeUpdates = emulator.requests().filter((r) => r.action === "lambda:UpdateFunctionCode");
    expect(codeUpdates.filter((r) => r.path.includes("x86-layer"))).toEqual([]);
    expect(
      emulator.requests().filter((r) => r.action === "lambda:PublishVersion").length - published,
    ).toBe(2);
    expect(comparable(emulator, "x86-layer")).toEqual(before);
  });

  it("--arch arm64 alone on an x86-only-layer function: exit 2, nothing changed", async () => {
    await expect(
      tune(emulator, "x86-layer", { ...opts, architectures: ["arm64"] }),
    ).rejects.toMatchObject({ exitCode: 2, message: /cannot be measured on arm64/ });
  });
});

describe("tune --arch: put back after an error, Ctrl-C and a crash between code swap and publish", () => {
  const launch = (faults = {}) =>
    emulatorWith([fn("swap", { fixedMs: 20, cpuMs: 50, noiseCv: 0.05 })], { faults });

  it("a failing PublishVersion right after the swap: the error surfaces, the code is back", async () => {
    // Publishes: x86_64 512 (1st), 1024 (2nd); the swap to arm64; arm64 512 is the 3rd: fails.
    const emulator = await launch({
      failRequests: [
        {
          action: "lambda:PublishVersion",
          nth: 3,
          times: 1,
          code: "InvalidParameterValueException",
        },
      ],
    });
    try {
      const before = comparable(emulator, "swap");
      const d = deps(targetFor(emulator, "swap"));
      await expect(runTune({ ...baseOptions, ...opts }, d)).rejects.toThrow(
        /failRequests.*deleted the 2 version\(s\).*\$LATEST is exactly as found/,
      );
      expect(comparable(emulator, "swap")).toEqual(before);
      expect(existsSync(d.journalDir) ? readdirSync(d.journalDir) : []).toEqual([]);
    } finally {
      await emulator.close();
    }
  });

  it("Ctrl-C right after the code swap: puts the code back on x86_64 before it exits", async () => {
    const emulator = await launch();
    try {
      const before = comparable(emulator, "swap");
      const controller = new AbortController();
      const target = abortAfterSwap(targetFor(emulator, "swap"), () =>
        controller.abort(new Error("SIGINT")),
      );
      const d = deps(target, { abortSignal: controller.signal });
      await expect(runTune({ ...baseOptions, ...opts }, d)).rejects.toMatchObject({
        name: "InterruptedError",
        message: expect.stringMatching(/\$LATEST is exactly as found/),
      });
      expect(comparable(emulator, "swap")).toEqual(before);
    } finally {
      await emulator.close();
    }
  });

  it("a crash between swap and publish (nothing put back), then --recover: code, architecture, config back; no version left", async () => {
    const emulator = await launch();
    try {
      const before = comparable(emulator, "swap");
      // The "crashed" process: after the swap every call fails, so it cannot put anything back.
      let dead = false;
      const dying = abortAfterSwap(targetFor(emulator, "swap"), () => {
        dead = true;
      });
      const crashed = deps(deadAfter(dying, () => dead));
      await expect(runTune({ ...baseOptions, ...opts }, crashed)).rejects.toThrow(/--recover/);
      expect(emulator.inspect("us-east-1", "swap")?.latest.Architectures).toEqual(["arm64"]);
      expect(readdirSync(crashed.journalDir).some((f) => f.endsWith(".code.zip"))).toBe(true);
      // The next process, same state directory.
      const d = deps(targetFor(emulator, "swap"), { journalDir: crashed.journalDir });
      const outcome = await runTune({ ...baseOptions, ...opts, recover: true }, d);
      expect(outcome).toMatchObject({ kind: "recovered", recovered: { restored: true } });
      expect(comparable(emulator, "swap")).toEqual(before);
      expect(readdirSync(crashed.journalDir)).toEqual([]);
    } finally {
      await emulator.close();
    }
  });
});

/** Calls `after` once the first code swap (to a non-original architecture) has finished. */
function abortAfterSwap(target: TuningTarget, after: () => void): TuningTarget {
  const code = target.code;
  if (!code) throw new Error("no code target");
  let swapped = false;
  return {
    ...target,
    code: {
      ...code,
      async setCode(source, architecture, revisionId, options) {
        const snap = await code.setCode(source, architecture, revisionId, options);
        if (!swapped) {
          swapped = true;
          after();
        }
        return snap;
      },
    },
  };
}

/** Every call fails once `dead()` is true: a process that can no longer reach AWS. */
function deadAfter(target: TuningTarget, dead: () => boolean): TuningTarget {
  const guard =
    <A extends unknown[], R>(f: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      if (dead()) throw new Error("the process died (simulated)");
      return f(...args);
    };
  return {
    ...target,
    snapshot: guard(target.snapshot),
    setMemory: guard(target.setMemory),
    waitForUpdate: guard(target.waitForUpdate),
    publishVersion: guard(target.publishVersion),
    invoke: guard(target.invoke),
    versionsDescribedAs: guard(target.versionsDescribedAs),
    deleteVersion: guard(target.deleteVersion),
    getAlias: guard(target.getAlias),
    deleteAlias: guard(target.deleteAlias),
  };
}
