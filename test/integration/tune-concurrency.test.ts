/**
 * Issue 18's concurrency suite: someone else's deploy at every request of a run (memory, other
 * fields, both), two runs at once with separate state directories at many offsets and update
 * latencies, and a throttling storm. Every trial ends with the function exactly as found, or
 * with exit 1 and a precise statement of whose each field is (see tune-concurrency-harness.ts).
 * Trials / held are printed once per group.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { UsageError } from "../../src/core/errors.js";
import { ThrottledError } from "../../src/core/tuning/ports.js";
import { judge, statementOf } from "./tune-concurrency-harness.js";
import {
  cleanRunActions,
  deployTrial,
  kfn,
  PATCHES,
  phaseBoundaries,
  tuneKfn as run,
  tempDir,
  twoRunsTrial,
} from "./tune-concurrency-trials.js";
import { comparable, emulatorWith, targetFor } from "./tune-harness.js";

/** The requests of a clean run, read once: deploys land at chosen positions among them. */
let actions: Promise<string[]>;
beforeAll(() => {
  actions = cleanRunActions();
});

describe("found bugs 1 and 3, reproduced", () => {
  it("bug 1: their Timeout deploy after tune wrote 256 MB: memory back, Timeout theirs, exit 1", async () => {
    // Land right after tune's first memory write (UpdateFunctionConfiguration to 256 MB).
    const afterWrite = (await actions).indexOf("lambda:UpdateFunctionConfiguration") + 1;
    for (const patch of [{ Timeout: 45 }, { Environment: { Variables: { STAGE: "hotfix" } } }]) {
      const { problems, result } = await deployTrial(afterWrite, patch, 0);
      expect(problems).toEqual([]);
      const field = Object.keys(patch)[0];
      expect(statementOf(result)).toMatch(
        new RegExp(
          `kfn is NOT exactly as found: MemorySize \\(tune's field\\) is back at 1024 MB; ${field} changed by someone else meanwhile, kept as they set it`,
        ),
      );
      expect(statementOf(result)).not.toMatch(/MemorySize was set|MemorySize, /);
    }
  });

  it("bug 3: a change during the invoking phase ends in exit 1, never 0 with a warning", async () => {
    const duringInvoke = (await actions).indexOf("lambda:InvokeFunction") + 2;
    const { problems, result } = await deployTrial(duringInvoke, { Timeout: 45 });
    expect(problems).toEqual([]);
    expect(result.outcome?.kind).toBe("result");
    expect(statementOf(result)).toMatch(/Timeout changed by someone else meanwhile/);
  });
});

describe("a deploy by someone else at each phase of a run", () => {
  // Every request position and latency: `npm run bench:tune-concurrency`.
  it.each(PATCHES)(
    "%s: each trial ends as found or exit 1 saying whose is whose",
    async (label, patch) => {
      const positions = phaseBoundaries(await actions);
      const failures: string[] = [];
      for (const after of positions) {
        const { problems } = await deployTrial(after, patch);
        if (problems.length > 0) failures.push(`after ${after} requests: ${problems.join("; ")}`);
      }
      console.log(
        `concurrent deploy (${label}): ${positions.length} trials, ${positions.length - failures.length} held`,
      );
      expect(failures).toEqual([]);
    },
  );
});

describe("two tune runs at once, separate state directories (found bug 2)", () => {
  it("the second run refuses with exit 2 naming the first; the function ends as found", async () => {
    const emulator = await emulatorWith([kfn()]);
    try {
      const before = comparable(emulator, "kfn");
      let release: () => void = () => {};
      const paused = new Promise<void>((resolve) => {
        release = resolve;
      });
      let reachedInvoke: () => void = () => {};
      const invoking = new Promise<void>((resolve) => {
        reachedInvoke = resolve;
      });
      const base = targetFor(emulator, "kfn");
      const slow = {
        ...base,
        invoke: async (...args: Parameters<typeof base.invoke>) => {
          reachedInvoke();
          await paused;
          return base.invoke(...args);
        },
      };
      const first = run(emulator, tempDir(), { target: slow });
      await invoking;
      const second = await run(emulator, tempDir());
      expect(second.error).toBeInstanceOf(UsageError);
      expect(statementOf(second)).toMatch(
        /^kfn is being tuned since \d\d:\d\d UTC by .+\/pid \d+ \(run [\w-]+\); tune changed nothing\. Wait for that run, or run `lambda-cost tune kfn --recover --region us-east-1` if it died\.$/,
      );
      release();
      const done = await first;
      expect(done.outcome?.kind).toBe("result");
      expect(comparable(emulator, "kfn")).toEqual(before);
    } finally {
      await emulator.close();
    }
  });

  it("at several offsets and update latencies: one result at a time, the function as found", async () => {
    const failures: string[] = [];
    const cases = [
      [0, 0],
      [0, 3],
      [15, 1],
      [15, 20],
    ] as const;
    for (const [latency, offset] of cases) {
      const problems = await twoRunsTrial(latency, offset);
      if (problems.length > 0)
        failures.push(`latency ${latency}, offset ${offset}: ${problems.join("; ")}`);
    }
    console.log(`two runs at once: ${cases.length} trials, ${cases.length - failures.length} held`);
    expect(failures).toEqual([]);
  });
});

describe("a throttling storm while invoking", () => {
  it("backs off with jitter within --max-throttle-wait, says it waits, puts back, exit 1", async () => {
    const emulator = await emulatorWith([kfn()]);
    try {
      const before = comparable(emulator, "kfn");
      const base = targetFor(emulator, "kfn");
      const storm = {
        ...base,
        invoke: async () => {
          throw new ThrottledError("invoking kfn:1 was throttled");
        },
      };
      const waits: number[] = [];
      let seed = 1;
      const dir = tempDir();
      const result = await run(emulator, dir, {
        target: storm,
        sleep: async (ms) => {
          waits.push(ms);
        },
        random: () => {
          seed = (seed * 48_271) % 2_147_483_647;
          return seed / 2_147_483_647;
        },
      });
      const problems = judge({
        emulator,
        name: "kfn",
        before,
        run: result,
        patch: {},
        deployed: false,
        journalDirs: [dir],
      });
      expect(problems).toEqual([]);
      expect(statementOf(result)).toMatch(
        /^stopped: Lambda kept throttling for more than --max-throttle-wait 120 s in all .*\$LATEST is exactly as found\)$/,
      );
      // The waits add up to the budget (no real time passed) and are not in lockstep.
      expect(waits.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(119_000);
      expect(new Set(waits.slice(0, 8)).size).toBeGreaterThan(4);
      expect(
        result.lines.some((l) =>
          /Lambda is throttling kfn; waiting \d+\.\d s before sending again/.test(l),
        ),
      ).toBe(true);
    } finally {
      await emulator.close();
    }
  });
});
