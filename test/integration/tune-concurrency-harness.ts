/**
 * The judge of the concurrency suite: after a trial, is the function exactly as found — or did
 * tune exit 1 with a precise statement of whose each field is? Every trial runs in-process with
 * the real SDK against the emulator at timeScale 0: no real sleeps beyond the waiters' 10 ms.
 */
import { readdirSync } from "node:fs";
import { exitCodeFor } from "../../src/cli/program.js";
import type { ConcurrentDeployFault, EmulatorHandle } from "../../src/emulator/types.js";
import type { TuneOutcome } from "../../src/tune/run-types.js";
import { comparable } from "./tune-harness.js";

export type Patch = ConcurrentDeployFault["patch"];

/** The deploy fault fired after tune's last GetFunction (nothing could have seen it). */
export function landedAfterLastRead(emulator: EmulatorHandle, afterRequests: number): boolean {
  const actions = emulator.requests().map((r) => r.action);
  return afterRequests >= actions.lastIndexOf("lambda:GetFunction") + 1;
}

export interface TrialRun {
  outcome?: TuneOutcome | undefined;
  error?: unknown;
}

/** The exit code the CLI would give (cli/commands/tune-assemble.ts: a result not back as found is exit 1). */
export function exitOf(run: TrialRun): number {
  if (run.error !== undefined) {
    const write = process.stderr.write;
    process.stderr.write = () => true; // exitCodeFor prints the message; the judge reads it itself
    try {
      return exitCodeFor(run.error);
    } finally {
      process.stderr.write = write;
    }
  }
  if (run.outcome?.kind === "result") return run.outcome.result.restored ? 0 : 1;
  if (run.outcome?.kind === "recovered") return run.outcome.recovered?.restored === false ? 1 : 0;
  return 0;
}

/** What tune said about the function: the error, or the put-back statement of a finished run. */
export function statementOf(run: TrialRun): string {
  if (run.error !== undefined) return (run.error as Error).message;
  if (run.outcome?.kind === "result") return run.outcome.result.cleanup.foreignChange ?? "";
  return "";
}

const FIELDS: Record<keyof Patch, string> = {
  MemorySize: "MemorySize",
  Timeout: "Timeout",
  Description: "Description",
  Environment: "Environment",
};

/**
 * Judges one trial with one deploy by someone else (`patch`, applied when `deployed`); returns
 * the broken promises (empty when the trial held).
 */
export function judge(input: {
  emulator: EmulatorHandle;
  name: string;
  before: ReturnType<typeof comparable>;
  run: TrialRun;
  patch: Patch;
  deployed: boolean;
  /** The deploy landed after tune's last read of $LATEST: tune cannot have seen it. */
  afterLastRead?: boolean | undefined;
  journalDirs: string[];
  /** Two runs at once: the one that finds the lock taken refuses with exit 2. */
  allowRefusal?: boolean | undefined;
}): string[] {
  const { run, patch, deployed } = input;
  const problems: string[] = [];
  const after = comparable(input.emulator, input.name);
  if (!after || !input.before) return ["function missing"];
  // Expected end state: as found, plus exactly their change.
  const expected: Record<string, unknown> = { ...input.before.latest };
  if (deployed) {
    if (patch.MemorySize !== undefined) expected.MemorySize = patch.MemorySize;
    if (patch.Timeout !== undefined) expected.Timeout = patch.Timeout;
    if (patch.Description !== undefined) expected.Description = patch.Description;
    if (patch.Environment !== undefined) expected.Environment = patch.Environment;
  }
  const latest = after.latest as Record<string, unknown>;
  for (const key of new Set([...Object.keys(expected), ...Object.keys(latest)])) {
    // A deploy that landed last may still be settling: status says nothing about the config.
    if (/^(LastUpdateStatus|State)/.test(key)) continue;
    if (JSON.stringify(latest[key]) !== JSON.stringify(expected[key])) {
      problems.push(
        `${key} is ${JSON.stringify(latest[key])}, expected ${JSON.stringify(expected[key])}`,
      );
    }
  }
  if (JSON.stringify(after.versions) !== JSON.stringify(input.before.versions)) {
    problems.push(`versions left: ${after.versions.join(",")}`);
  }
  if (JSON.stringify(after.aliases) !== JSON.stringify(input.before.aliases)) {
    problems.push(`aliases left: ${JSON.stringify(after.aliases)}`);
  }
  for (const dir of input.journalDirs) {
    const left = safeList(dir).filter((f) => f.startsWith("tune-") || f.endsWith("tmp"));
    if (left.length > 0) problems.push(`journal files left in ${dir}: ${left.join(", ")}`);
  }

  const exit = exitOf(run);
  const said = statementOf(run);
  if (exit === 0) {
    // Exit 0 is only honest when tune found the function with their change already in it.
    const found = run.outcome?.kind === "result" ? run.outcome.result.snapshot : undefined;
    if (found && deployed && !input.afterLastRead) {
      if (found.memoryMb !== latest.MemorySize || found.timeoutSeconds !== latest.Timeout) {
        problems.push("exit 0 although the function is not as tune found it");
      }
    }
  } else if (exit === 2 && input.allowRefusal && /is being tuned since/.test(said)) {
    // The refused run changed nothing; the state checks above cover the function.
  } else {
    if (exit !== 1) problems.push(`exit ${exit} (expected 0 or 1): ${said}`);
    if (/(?<!NOT )exactly as found/.test(said) && deployed && changedByThem(patch)) {
      problems.push(`claims "exactly as found" after their change: ${said}`);
    }
    if (deployed && !said.includes("NOT exactly as found")) {
      problems.push(`exit 1 without saying whose fields are whose: ${said}`);
    }
    for (const key of Object.keys(patch) as Array<keyof Patch>) {
      if (!deployed) continue;
      if (!new RegExp(`${FIELDS[key]}[^;]*by someone else`).test(said)) {
        problems.push(`does not say ${FIELDS[key]} is theirs: ${said}`);
      }
    }
    if (patch.MemorySize === undefined && /MemorySize (was set|is still)/.test(said)) {
      problems.push(`reports memory as someone else's or not back: ${said}`);
    }
  }
  return problems;
}

function changedByThem(patch: Patch): boolean {
  return Object.keys(patch).length > 0;
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
