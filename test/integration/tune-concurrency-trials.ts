/**
 * One trial each of the concurrency suite, shared by the vitest suite (a representative subset,
 * fast) and `npm run bench:tune-concurrency` (every request position, every latency): someone
 * else's deploy at a chosen request, and two runs at once with separate state directories.
 */
import { UsageError } from "../../src/core/errors.js";
import type { EmulatorHandle } from "../../src/emulator/types.js";
import { runTune } from "../../src/tune/run-tune.js";
import type { TuneDeps } from "../../src/tune/run-types.js";
import {
  judge,
  landedAfterLastRead,
  type Patch,
  statementOf,
  type TrialRun,
} from "./tune-concurrency-harness.js";
import {
  baseOptions,
  comparable,
  deps,
  emulatorWith,
  fastTempDir,
  fn,
  targetFor,
} from "./tune-harness.js";

export const SIZES = { sizesMb: [256, 1024], invocations: 3 };
export const kfn = () => fn("kfn", { fixedMs: 50, cpuMs: 100 }, { memorySize: 1024 });
export const tempDir = () => fastTempDir("lc-conc-");

export const PATCHES: Array<[string, Patch]> = [
  ["another field", { Timeout: 45 }],
  ["memory", { MemorySize: 3008 }],
  ["memory and another field", { MemorySize: 3008, Description: "their deploy" }],
];

export async function tuneKfn(
  emulator: EmulatorHandle,
  journalDir: string,
  extra: Partial<TuneDeps> = {},
): Promise<TrialRun & { lines: string[] }> {
  const d = deps(targetFor(emulator, "kfn"), { journalDir, ...extra });
  try {
    return { outcome: await runTune({ ...baseOptions, ...SIZES }, d), lines: d.lines };
  } catch (error) {
    return { error, lines: d.lines };
  }
}

/** The actions of a clean run, in order (so a deploy can land at each request). */
export async function cleanRunActions(): Promise<string[]> {
  const emulator = await emulatorWith([kfn()]);
  try {
    await tuneKfn(emulator, tempDir());
    return emulator.requests().map((r) => r.action);
  } finally {
    await emulator.close();
  }
}

/**
 * Request positions that cover every phase of a clean run: right after the first call of each
 * kind (claim, first memory write, publish, invoke, cleanup, lock removal), after the last memory
 * write (the restore) and after the last invocation.
 */
export function phaseBoundaries(actions: readonly string[]): number[] {
  const firsts = [...new Set(actions)].map((action) => actions.indexOf(action) + 1);
  const lasts = ["lambda:UpdateFunctionConfiguration", "lambda:InvokeFunction"].map(
    (action) => actions.lastIndexOf(action) + 1,
  );
  return [...new Set([0, ...firsts, ...lasts])].sort((a, b) => a - b);
}

export async function deployTrial(afterRequests: number, patch: Patch, updateLatencyMs = 0) {
  const emulator = await emulatorWith([kfn()], {
    faults: { updateLatencyMs, concurrentDeploys: [{ functionName: "kfn", afterRequests, patch }] },
  });
  try {
    const before = comparable(emulator, "kfn");
    const dir = tempDir();
    const result = await tuneKfn(emulator, dir);
    const problems = judge({
      emulator,
      name: "kfn",
      before,
      run: result,
      patch,
      deployed: emulator.requests().length > afterRequests,
      afterLastRead: landedAfterLastRead(emulator, afterRequests),
      journalDirs: [dir],
    });
    return { problems, result };
  } finally {
    await emulator.close();
  }
}

/** Two runs, the second started `offsetMs` after the first; returns the broken promises. */
export async function twoRunsTrial(updateLatencyMs: number, offsetMs: number): Promise<string[]> {
  const emulator = await emulatorWith([kfn()], { faults: { updateLatencyMs } });
  try {
    const before = comparable(emulator, "kfn");
    const dirs = [tempDir(), tempDir()];
    const first = tuneKfn(emulator, dirs[0] as string);
    await new Promise((r) => setTimeout(r, offsetMs));
    const runs = await Promise.all([first, tuneKfn(emulator, dirs[1] as string)]);
    const problems = runs.flatMap((run) =>
      judge({
        emulator,
        name: "kfn",
        before,
        run,
        patch: {},
        deployed: false,
        journalDirs: dirs,
        allowRefusal: true,
      }),
    );
    for (const run of runs) {
      if (run.error !== undefined && !(run.error instanceof UsageError)) {
        problems.push(`unexpected error: ${statementOf(run)}`);
      }
      if (run.outcome?.kind === "result" && run.outcome.result.snapshot.memoryMb !== 1024) {
        problems.push(`took ${run.outcome.result.snapshot.memoryMb} MB for the original`);
      }
    }
    if (!runs.some((run) => run.outcome?.kind === "result")) problems.push("neither run tuned");
    return problems;
  } finally {
    await emulator.close();
  }
}
