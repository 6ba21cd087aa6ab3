/**
 * tune's safety promise against the emulator with the real SDK: failures at some sizes do not
 * stop the run, throttling is retried and never counted as a function failure, someone else's
 * deploy is never overwritten, and every run leaves $LATEST, versions and aliases as found.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AwsError } from "../../src/core/errors.js";
import type { EmulatorHandle } from "../../src/emulator/types.js";
import type { TuneOutcome, TuneRunResult } from "../../src/tune/run-types.js";
import { comparable, emulatorWith, fn, REGION, targetFor, tune } from "./tune-harness.js";

const resultOf = (outcome: TuneOutcome) => {
  expect(outcome.kind).toBe("result");
  return (outcome as { result: TuneRunResult }).result;
};

describe("sizes that fail do not stop the run", () => {
  let emulator: EmulatorHandle;
  beforeAll(async () => {
    // 200 MB used: 128 MB runs out of memory. Timeout 5 s: at 256 MB the handler needs
    // 20 + 800 × 1769/256 = 5548 ms (> 5 s) and times out; 512 needs 2784 ms, 1024 1402 ms.
    emulator = await emulatorWith([
      fn("fragile", { fixedMs: 20, cpuMs: 800, memoryUsedMb: 200 }, { timeout: 5 }),
    ]);
  });
  afterAll(async () => emulator.close());

  it("marks OOM and timeout sizes infeasible with the reason and still recommends", async () => {
    const before = comparable(emulator, "fragile");
    const result = resultOf(
      (await tune(emulator, "fragile", { sizesMb: [128, 256, 512, 1024], invocations: 10 }))
        .outcome,
    );
    const bySize = Object.fromEntries(result.analysis.sizes.map((s) => [s.memoryMb, s]));
    expect(bySize[128]).toMatchObject({ feasible: false, errors: 10 });
    expect(bySize[128]?.reason).toMatch(/out of memory/);
    expect(bySize[128]?.errorsByType).toEqual({ "Runtime.OutOfMemory": 10 });
    expect(bySize[256]).toMatchObject({ feasible: false, errors: 10 });
    expect(bySize[256]?.reason).toMatch(/timed out/);
    expect(bySize[512]?.feasible).toBe(true);
    // cost: 512 → 0.5 × 2.784 = 1.392 GB-s; 1024 → 1 × 1.402 = 1.402 GB-s (0.7% apart, either).
    expect([512, 1024]).toContain(result.analysis.recommendation?.memoryMb);
    expect(result.restored).toBe(true);
    expect(comparable(emulator, "fragile")).toEqual(before);
  });
});

describe("a throttling storm", () => {
  let emulator: EmulatorHandle;
  beforeAll(async () => {
    emulator = await emulatorWith([fn("busy", { fixedMs: 50, cpuMs: 100 })], {
      faults: { throttleRate: 0.25 },
    });
  });
  afterAll(async () => emulator.close());

  it("retries throttled calls, counts them, and never calls them function failures", async () => {
    const before = comparable(emulator, "busy");
    const result = resultOf(
      (await tune(emulator, "busy", { sizesMb: [256, 512, 1024], invocations: 10 })).outcome,
    );
    const throttled = emulator.requests().filter((r) => r.status === 429).length;
    expect(throttled).toBeGreaterThan(10);
    expect(result.throttles).toBe(throttled);
    for (const size of result.analysis.sizes) {
      expect(size).toMatchObject({ invocations: 10, errors: 0, feasible: true });
    }
    expect(result.restored).toBe(true);
    expect(comparable(emulator, "busy")).toEqual(before);
    // The test target retries with the SDK's standard strategy minus its waits (zero-delay-retries.ts).
  });
});

describe("someone else's deploy", () => {
  it("mid-publish: stops, keeps their change, deletes its own versions", async () => {
    // The run's requests: 1 GetFunction, 2 UpdateFunctionConfiguration (128 MB), 3 GetFunction
    // (waiter), 4 PublishVersion, 5 GetFunction; their deploy lands before request 6, our next
    // memory change, which must then fail its RevisionId check.
    const emulator = await emulatorWith([fn("shared", { fixedMs: 50, cpuMs: 100 })], {
      faults: {
        concurrentDeploys: [
          {
            functionName: "shared",
            afterRequests: 5,
            patch: { Description: "their deploy", MemorySize: 3008 },
          },
        ],
      },
    });
    try {
      const before = emulator.inspect(REGION, "shared");
      const run = tune(emulator, "shared", { sizesMb: [128, 256, 512], invocations: 5 });
      await expect(run).rejects.toBeInstanceOf(AwsError);
      await expect(run).rejects.toThrow(/changed by someone else.*did not overwrite it/);
      const after = emulator.inspect(REGION, "shared");
      expect(after?.latest).toMatchObject({ Description: "their deploy", MemorySize: 3008 });
      expect(after?.versions).toEqual(before?.versions);
      expect(after?.aliases).toEqual([]);
      // Nothing after their deploy wrote to $LATEST.
      const requests = emulator.requests();
      const updatesAfterDeploy = requests
        .slice(5)
        .filter((r) => r.action === "lambda:UpdateFunctionConfiguration" && r.status === 200);
      expect(updatesAfterDeploy).toEqual([]);
    } finally {
      await emulator.close();
    }
  });

  it("mid-measurement: leaves their change, reports restored: false", async () => {
    const emulator = await emulatorWith([fn("shared2", { fixedMs: 50, cpuMs: 100 })]);
    try {
      const base = targetFor(emulator, "shared2");
      let invocations = 0;
      const target = {
        ...base,
        invoke: async (...args: Parameters<typeof base.invoke>) => {
          if (++invocations === 10) emulator.deploy(REGION, "shared2", { Description: "hotfix" });
          return base.invoke(...args);
        },
      };
      const { outcome, lines } = await tune(
        emulator,
        "shared2",
        { sizesMb: [256, 512], invocations: 10 },
        { target },
      );
      const result = resultOf(outcome);
      expect(result.restored).toBe(false);
      expect(result.cleanup.foreignChange).toBe(
        "shared2 is NOT exactly as found: MemorySize (tune's field) is back at 1024 MB; Description changed by someone else meanwhile, kept as they set it",
      );
      expect(result.cleanup).toMatchObject({ theirFields: ["Description"], journalKept: false });
      expect(lines.join("\n")).toMatch(/Description changed by someone else meanwhile/);
      const after = emulator.inspect(REGION, "shared2");
      expect(after?.latest).toMatchObject({ Description: "hotfix", MemorySize: 1024 });
      expect(after?.versions).toEqual([]);
    } finally {
      await emulator.close();
    }
  });
});

describe("log format, payloads, dry run, apply", () => {
  let emulator: EmulatorHandle;
  beforeAll(async () => {
    emulator = await emulatorWith([
      fn(
        "json-logs",
        { fixedMs: 20, cpuMs: 400, memoryUsedMb: 100, gcPressure: 1 },
        { logFormat: "JSON" },
      ),
      fn("plain", { fixedMs: 300, cpuMs: 10 }, { timeout: 60 }),
      fn(
        "to-apply",
        { fixedMs: 20, cpuMs: 400, memoryUsedMb: 100, gcPressure: 1 },
        { memorySize: 512 },
      ),
    ]);
  });
  afterAll(async () => emulator.close());

  it("reads JSON-format logs (platform.report) and finds the same optimum as text", async () => {
    // Same model as cpu-gc in tune-models.test.ts: cost → 1024 MB.
    const result = resultOf(
      (await tune(emulator, "json-logs", { sizesMb: [256, 512, 1024, 2048], invocations: 20 }))
        .outcome,
    );
    expect(result.analysis.recommendation?.memoryMb).toBe(1024);
    expect(result.analysis.sizes.every((s) => s.errors === 0 && s.coldStarts >= 1)).toBe(true);
    expect(result.restored).toBe(true);
  });

  it("sends weighted payloads in proportion, the same mix at every size", async () => {
    const base = targetFor(emulator, "plain");
    const sent = new Map<string, string[]>();
    const target = {
      ...base,
      invoke: async (...args: Parameters<typeof base.invoke>) => {
        const [version, payload] = args;
        sent.set(version, [...(sent.get(version) ?? []), payload]);
        return base.invoke(...args);
      },
    };
    const payloads = [
      { payload: '{"kind":"small"}', weight: 3 },
      { payload: '{"kind":"large"}', weight: 1 },
    ];
    await tune(emulator, "plain", { sizesMb: [256, 512], invocations: 40, payloads }, { target });
    expect(sent.size).toBe(2);
    for (const list of sent.values()) {
      expect(list.filter((p) => p.includes("small"))).toHaveLength(30);
      expect(list.filter((p) => p.includes("large"))).toHaveLength(10);
    }
  });

  it("--dry-run changes nothing and prices the plan", async () => {
    const before = emulator.requests().length;
    const { outcome } = await tune(emulator, "plain", {
      sizesMb: [128, 256, 512, 1024],
      invocations: 10,
      dryRun: true,
    });
    expect(outcome.kind).toBe("plan");
    const plan = (outcome as Extract<TuneOutcome, { kind: "plan" }>).plan;
    expect(
      emulator
        .requests()
        .slice(before)
        .map((r) => r.action),
    ).toEqual(["lambda:GetFunction"]);
    expect(plan.invocations).toEqual({ mode: "fixed", perSize: 10, total: 40 });
    // Guess: 1000 ms at 1024 MB scaling as 1/m → every invocation is 1 GB-s at every size:
    // 40 × (0.0000002 + 1 × 0.0000166667) = 0.000674668.
    expect(plan.estimatedTuningCost.guess.toString()).toBe("0.000674668");
    // Worst case, 60 s timeout: (7.5 + 15 + 30 + 60) GB-s × 10 = 1125 GB-s × 0.0000166667
    // = 0.01875003750, + 40 requests × 0.0000002 = 0.000008 → 0.0187580375.
    expect(plan.estimatedTuningCost.worstCase.toString()).toBe("0.0187580375");
  });

  it("--apply sets the recommended memory (RevisionId-checked) and leaves no version", async () => {
    const { outcome } = await tune(emulator, "to-apply", {
      sizesMb: [512, 1024, 2048],
      invocations: 20,
      apply: true,
    });
    const result = resultOf(outcome);
    expect(result.applied).toMatchObject({ applied: true, memoryMb: 1024, previousMemoryMb: 512 });
    const after = emulator.inspect(REGION, "to-apply");
    expect(after?.latest.MemorySize).toBe(1024);
    expect(after?.versions).toEqual([]);
    expect(after?.aliases).toEqual([]);
  });

  it("--apply --alias publishes one version and points a new alias, then moves it on a rerun", async () => {
    const first = resultOf(
      (
        await tune(emulator, "to-apply", {
          sizesMb: [512, 1024, 2048],
          invocations: 20,
          apply: true,
          alias: "live",
        })
      ).outcome,
    );
    expect(first.applied?.alias).toMatchObject({ name: "live", previousVersion: undefined });
    let state = emulator.inspect(REGION, "to-apply");
    expect(state?.versions).toHaveLength(1);
    expect(state?.aliases).toEqual([{ name: "live", functionVersion: state?.versions[0] }]);

    const second = resultOf(
      (
        await tune(emulator, "to-apply", {
          sizesMb: [2048, 4096],
          invocations: 10,
          apply: true,
          alias: "live",
        })
      ).outcome,
    );
    state = emulator.inspect(REGION, "to-apply");
    expect(second.applied?.alias?.previousVersion).toBe(first.applied?.version);
    expect(state?.aliases).toEqual([{ name: "live", functionVersion: second.applied?.version }]);
    // The first apply's version is the user's now: tune never deletes it.
    expect(state?.versions).toContain(first.applied?.version);
  });

  it("--apply asks first, and a no changes nothing", async () => {
    const before = comparable(emulator, "plain");
    const questions: string[] = [];
    const { outcome } = await tune(
      emulator,
      "plain",
      { sizesMb: [128, 256], invocations: 10, apply: true },
      {
        confirm: async (question) => {
          questions.push(question);
          return false;
        },
      },
    );
    expect(questions).toEqual([expect.stringMatching(/set MemorySize 1024 → 128 MB on \$LATEST/)]);
    expect(resultOf(outcome).applied).toMatchObject({ applied: false });
    expect(comparable(emulator, "plain")).toEqual(before);
  });
});
