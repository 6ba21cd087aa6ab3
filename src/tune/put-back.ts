/**
 * Puts a function back as a journal says it was found, field by field (issue 18, "field-level
 * ownership"). Tune owns exactly the fields it writes — MemorySize, and with --arch the
 * architecture (set with the same code; see code-swap.ts). It writes a field back
 * only while the field holds a value this run wrote (or the RevisionId is its own); every field
 * someone else changed is theirs and stays as they set it. Then it deletes exactly the versions
 * the run created, removes the journal — only when everything it owns is back — and removes
 * the lock alias last. Used at the end of every run, on error and on Ctrl-C, and by --recover.
 */

import {
  ConcurrentChangeError,
  configDifferences,
  type FunctionSnapshot,
  type TuningTarget,
} from "../core/tuning/ports.js";
import type { PutBackResult } from "../core/tuning/run-outcome.js";
import { deleteStaged, ownsArchitecture, restoreArchitecture } from "./code-swap.js";
import type { Journal, JournalEntry } from "./journal.js";
import { configDigest, decodeLock, LOCK_ALIAS } from "./lock.js";

/** The fields tune writes; put-back restores these and only these. */
export const TUNE_OWNED_FIELDS = ["MemorySize", "Architectures"] as const;

/** Attempts to write memory back when someone else keeps moving the RevisionId. */
const RESTORE_ATTEMPTS = 5;

export async function putBack(target: TuningTarget, journal: Journal): Promise<PutBackResult> {
  const entry = journal.entry;
  journal.update({ phase: "cleaning" });
  // An update of ours may still be running (interrupted during a wait): let it finish first.
  let current = await target.waitForUpdate();
  for (let attempt = 0; attempt < RESTORE_ATTEMPTS && ownsArchitecture(entry, current); attempt++) {
    if (!target.code) break; // cannot happen for a run that changed it; reported as not back
    try {
      current = await restoreArchitecture(target.code, journal, current);
    } catch (error) {
      if (!(error instanceof ConcurrentChangeError)) throw error;
      current = await target.waitForUpdate();
    }
  }
  let memoryRestored = false;
  for (let attempt = 0; attempt < RESTORE_ATTEMPTS && ownsMemory(entry, current); attempt++) {
    try {
      current = await target.setMemory(entry.original.memoryMb, current.revisionId);
      memoryRestored = true;
    } catch (error) {
      if (!(error instanceof ConcurrentChangeError)) throw error;
      // Someone wrote between our read and our write: read again and decide again.
      current = await target.waitForUpdate();
    }
  }
  const fields = fieldStates(entry, current);
  const result: PutBackResult = {
    restored: fields.theirs.length === 0 && fields.ownNotBack.length === 0,
    memoryRestored,
    originalMemoryMb: entry.original.memoryMb,
    theirFields: fields.theirs,
    ownNotBack: fields.ownNotBack,
    deletedVersions: [],
    failedDeletes: [],
    latestRevisionId: current.revisionId,
    journalKept: false,
    recoverCommand: `lambda-cost tune ${entry.functionName} --recover --region ${entry.region}`,
  };
  result.foreignChange = describeFields(entry, current, result);

  // A run killed right after PublishVersion returned never journaled that version's number;
  // its description (unique to the run) still marks it as ours.
  const orphans = (await target.versionsDescribedAs(entry.versionDescription)).filter(
    (v) => !entry.createdVersions.includes(v) && !entry.reusedVersions.includes(v),
  );
  for (const version of [...entry.createdVersions, ...orphans]) {
    try {
      await target.deleteVersion(version);
      result.deletedVersions.push(version);
    } catch (error) {
      result.failedDeletes.push({ version, error: (error as Error).message });
    }
  }
  const versionsLeft = result.failedDeletes.map((failed) => failed.version);
  // A zip staged in --code-bucket is the run's too: deleted once the code is back.
  if (result.ownNotBack.length === 0) {
    result.failedDeletes.push(...(await deleteStaged(target.code, journal)));
  }
  if (result.failedDeletes.length > 0 || result.ownNotBack.length > 0) {
    // Keep the journal (and the lock) so --recover can finish; it lists only what is left.
    journal.update({ createdVersions: versionsLeft });
    result.journalKept = true;
    return result;
  }
  // The lock goes last, and only if it is this run's (a run killed before it journaled the
  // claim still owns an alias whose description names its run id).
  const lock = await target.getAlias(LOCK_ALIAS);
  if (lock && decodeLock(lock.description ?? "")?.runId === entry.runId) {
    await target.deleteAlias(LOCK_ALIAS);
  }
  journal.remove();
  return result;
}

/** Tune may write memory back only while $LATEST holds a value (or revision) it wrote. */
function ownsMemory(entry: JournalEntry, current: FunctionSnapshot): boolean {
  if (current.memoryMb === entry.original.memoryMb) return false;
  const range = entry.writtenMemoryRangeMb;
  return (
    entry.ownRevisionIds.includes(current.revisionId) ||
    entry.writtenMemoryMb.includes(current.memoryMb) ||
    (range !== undefined && current.memoryMb >= range[0] && current.memoryMb <= range[1])
  );
}

function fieldStates(entry: JournalEntry, current: FunctionSnapshot) {
  const memoryBack = current.memoryMb === entry.original.memoryMb;
  const memoryIsOurs = ownsMemory(entry, current);
  const others = entry.original.configuration
    ? configDifferences(entry.original.configuration, current.configuration).filter(
        (field) => field !== "MemorySize",
      )
    : configDigest(current.configuration) === entry.original.digest
      ? []
      : ["fields other than MemorySize (which, this machine cannot tell: no local journal)"];
  const archIsOurs = ownsArchitecture(entry, current);
  return {
    theirs: [
      ...(memoryBack || memoryIsOurs ? [] : ["MemorySize"]),
      ...others.filter((field) => !(archIsOurs && field === "Architectures")),
    ].sort(),
    ownNotBack: [...(memoryIsOurs ? ["MemorySize"] : []), ...(archIsOurs ? ["Architectures"] : [])],
  };
}

/** Who changed what, precisely; undefined when $LATEST is exactly as found. */
function describeFields(
  entry: JournalEntry,
  current: FunctionSnapshot,
  result: PutBackResult,
): string | undefined {
  if (result.restored) return undefined;
  const fn = entry.functionName;
  const parts: string[] = [];
  if (result.ownNotBack.includes("MemorySize")) {
    parts.push(
      `MemorySize is still ${current.memoryMb} MB, a size tune wrote (found: ${entry.original.memoryMb} MB); run \`${result.recoverCommand}\``,
    );
  } else if (result.theirFields.includes("MemorySize")) {
    parts.push(
      `MemorySize was set to ${current.memoryMb} MB by someone else (found: ${entry.original.memoryMb} MB; tune never wrote that size), kept as they set it`,
    );
  } else {
    parts.push(`MemorySize (tune's field) is back at ${entry.original.memoryMb} MB`);
  }
  if (result.ownNotBack.includes("Architectures")) {
    parts.push(
      `Architectures is still ${current.architecture}, which tune wrote (found: ${entry.original.architecture}); run \`${result.recoverCommand}\``,
    );
  }
  const others = result.theirFields.filter((field) => field !== "MemorySize");
  if (others.length > 0) {
    parts.push(`${others.join(", ")} changed by someone else meanwhile, kept as they set it`);
  }
  return `${fn} is NOT exactly as found: ${parts.join("; ")}`;
}

export function describeCleanup(cleanup: PutBackResult): string {
  const parts = [
    cleanup.deletedVersions.length > 0
      ? `deleted the ${cleanup.deletedVersions.length} version(s) this run created (${cleanup.deletedVersions.join(", ")})`
      : "created no versions to delete",
  ];
  if (cleanup.failedDeletes.length > 0) {
    parts.push(
      `could NOT delete ${cleanup.failedDeletes.map((f) => f.version).join(", ")}; run \`${cleanup.recoverCommand}\``,
    );
  }
  parts.push(cleanup.foreignChange ?? "$LATEST is exactly as found");
  return parts.join("; ");
}
