/**
 * Finds a journal left by an earlier run on the same function and puts the function back
 * before anything else happens. Runs at the start of every `tune`, and is all `--recover` does.
 */
import { UsageError } from "../core/errors.js";
import { Journal } from "./journal.js";
import { type PutBackResult, putBack } from "./put-back.js";
import type { FunctionSnapshot, TuningTarget } from "./target.js";

export async function recoverFirst(
  target: TuningTarget,
  journalDir: string,
  snapshot: FunctionSnapshot,
  notify: (line: string) => void,
): Promise<PutBackResult | undefined> {
  let journal: Journal | undefined;
  try {
    journal = Journal.find(journalDir, snapshot);
  } catch (error) {
    throw new UsageError(
      `the tune journal for ${snapshot.functionName} in ${journalDir} is unreadable (${(error as Error).message}); move it away after checking the function by hand.`,
      { cause: error },
    );
  }
  if (!journal) return undefined;
  const entry = journal.entry;
  if (journal.ownerAlive()) {
    throw new UsageError(
      `another tune run (pid ${entry.pid}, started ${entry.startedAt}) is working on ${entry.functionName}; wait for it to finish.`,
    );
  }
  notify(
    `found the journal of an interrupted tune run (${entry.runId}, ${entry.phase}); putting ${entry.functionName} back first…`,
  );
  const result = await putBack(target, journal);
  notify(
    `recovered ${entry.functionName}: ${result.memoryRestored ? `MemorySize back to ${entry.original.memoryMb} MB; ` : ""}deleted ${result.deletedVersions.length} version(s)${result.deletedVersions.length ? ` (${result.deletedVersions.join(", ")})` : ""}; ${result.foreignChange ?? (result.restored ? "$LATEST is as it was found" : "$LATEST differs from the journal")}.`,
  );
  return result;
}
