/**
 * tune picks the right size for model functions whose optimum is computed by hand, through the
 * real SDK against the emulator, and leaves every function exactly as it found it.
 *
 * The emulator's model (src/emulator/duration-model.ts): vcpu = min(m/1769, 6);
 * d(m) = fixed + (cpu/min(1,vcpu) + par/min(threads,vcpu)) × gc(m), gc = 1 + g·u/(1−u), u = used/m.
 * Price (us-east-1 x86_64, pricing/lambda.json): $0.20 per 1M requests + $0.0000166667 per GB-s,
 * so cost ∝ 2e-7 + 1.66667e-5 × (m/1024) × d(m)/1000 (INIT billed on cold starts adds ≤ 1%).
 *
 * cpu-gc: fixed 20, cpu 400, used 100 MB, g = 1
 *   gc:  128 → 4.5714, 256 → 1.6410, 512 → 1.2427, 1024 → 1.1082, 2048 → 1.0513
 *   d:   128 → 25291 ms, 256 → 4555.9, 512 → 1737.5, 1024 → 785.8, 2048 → 440.5
 *   GB-s: 128 → 3.161, 256 → 1.139, 512 → 0.8688, 1024 → 0.7858, 2048 → 0.8811
 *   cost → 1024 (10% under 512, 12% under 2048); speed → 2048 (440 vs 786 ms);
 *   balanced w=0.5: score = .5·c/c(128) + .5·d/d(128):
 *     512 → .1388+.0344 = .1732, 1024 → .1257+.0155 = .1413, 2048 → .1407+.0087 = .1495 → 1024;
 *   balanced w=0 is pure speed → 2048.
 * io-bound: fixed 300, cpu 10, no gc:
 *   d: 128 → 438.2, 256 → 369.1, 512 → 334.6, 1024 → 317.3, 2048 → 310.0 ms
 *   GB-s: 128 → 0.0548, 256 → 0.0923 → cost → 128; speed → 2048 (2.3% under 1024, noise 1%).
 * threads: fixed 10, parallel 4000 on 4 threads, used 400 MB, g = 0.5, sizes 1024…8192:
 *   vcpu: 1024 → .579, 2048 → 1.158, 4096 → 2.315, 8192 → 4 (capped by threads)
 *   gc:  1024 → 1.3205, 2048 → 1.1214, 4096 → 1.0541, 8192 → 1.0257
 *   d:   1024 → 9134.7, 2048 → 3884.4, 4096 → 1830.9, 8192 → 1035.7 ms
 *   GB-s: 1024 → 9.135, 2048 → 7.769, 4096 → 7.324, 8192 → 8.286
 *   cost → 4096 (6% under 2048); speed → 8192.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EmulatorHandle } from "../../src/emulator/types.js";
import type { TuneRunResult } from "../../src/tune/run-types.js";
import { comparable, emulatorWith, fn, tune } from "./tune-harness.js";

let emulator: EmulatorHandle;

beforeAll(async () => {
  emulator = await emulatorWith([
    fn("cpu-gc", { fixedMs: 20, cpuMs: 400, memoryUsedMb: 100, gcPressure: 1 }),
    fn("io-bound", { fixedMs: 300, cpuMs: 10, noiseCv: 0.01 }),
    fn(
      "threads",
      { fixedMs: 10, parallelCpuMs: 4000, threads: 4, memoryUsedMb: 400, gcPressure: 0.5 },
      {
        memorySize: 2048,
      },
    ),
  ]);
});
afterAll(async () => emulator.close());

const STANDARD = [128, 256, 512, 1024, 2048];
const THREADED = [1024, 2048, 4096, 8192];

describe("tune recommends the hand-computed optimum", () => {
  it.each([
    ["cpu-gc", "cost", 0.5, STANDARD, 1024],
    ["cpu-gc", "speed", 0.5, STANDARD, 2048],
    ["cpu-gc", "balanced", 0.5, STANDARD, 1024],
    ["cpu-gc", "balanced", 0, STANDARD, 2048],
    ["io-bound", "cost", 0.5, STANDARD, 128],
    ["io-bound", "speed", 0.5, STANDARD, 2048],
    ["threads", "cost", 0.5, THREADED, 4096],
    ["threads", "speed", 0.5, THREADED, 8192],
  ] as const)("%s, %s (w=%s) on %j → %s MB", async (name, strategy, weight, sizes, expected) => {
    const before = comparable(emulator, name);
    const { outcome } = await tune(emulator, name, {
      sizesMb: [...sizes],
      invocations: 30,
      strategy: { strategy, balancedWeight: weight },
    });
    expect(outcome.kind).toBe("result");
    const result = (outcome as { result: TuneRunResult }).result;
    expect(result.analysis.recommendation?.memoryMb).toBe(expected);
    expect(result.restored).toBe(true);
    // $LATEST exactly as found (every field but RevisionId/LastModified), no version or alias left.
    expect(comparable(emulator, name)).toEqual(before);
  });

  it("--max-duration excludes sizes whose p90 is over it", async () => {
    // io-bound with a 350 ms limit: 128 (438 ms) and 256 (369 ms) are out; cheapest left: 512.
    const { outcome } = await tune(emulator, "io-bound", {
      sizesMb: STANDARD,
      invocations: 20,
      strategy: { strategy: "cost", balancedWeight: 0.5, maxDurationMs: 350 },
    });
    const result = (outcome as { result: TuneRunResult }).result;
    expect(result.analysis.recommendation?.memoryMb).toBe(512);
    const excluded = result.analysis.sizes.filter((s) => s.memoryMb <= 256);
    expect(excluded.every((s) => s.feasible === false && /p90/.test(s.reason ?? ""))).toBe(true);
  });

  it("adaptive sampling finds the same optimum with fewer invocations than 50 per size", async () => {
    const { outcome } = await tune(emulator, "cpu-gc", {
      sizesMb: STANDARD,
      invocations: "auto",
      maxInvocations: 250,
    });
    const result = (outcome as { result: TuneRunResult }).result;
    expect(result.analysis.recommendation?.memoryMb).toBe(1024);
    expect(result.analysis.totalInvocations).toBeLessThan(250);
  });
});
