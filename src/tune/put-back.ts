/**
 * Puts a function back as a journal says it was found: restores $LATEST's memory if (and only
 * if) the change there is ours, deletes exactly the versions the run created, and removes the
 * journal. Used at the end of every run, on error and on Ctrl-C, and by `tune --recover`.
 */
import type { Journal } from "./journal.js";
import { ConcurrentChangeError, configDifferences, type TuningTarget } from "./target.js";

export interface PutBackResult {
  /** $LATEST was verified to match the journal's original configuration. */
  restored: boolean;
  /** Memory was written back by this call. */
  memoryRestored: boolean;
  deletedVersions: string[];
  /** Set when $LATEST was left alone because someone else changed it. */
  foreignChange?: string | undefined;
  /** Versions that could not be deleted (with the error), to say so. */
  failedDeletes: Array<{ version: string; error: string }>;
  /** $LATEST's RevisionId when it was verified, for a RevisionId-checked --apply. */
  latestRevisionId: string;
}

export async function putBack(target: TuningTarget, journal: Journal): Promise<PutBackResult> {
  const entry = journal.entry;
  const result: PutBackResult = {
    restored: false,
    memoryRestored: false,
    deletedVersions: [],
    failedDeletes: [],
    latestRevisionId: "",
  };

  journal.update({ phase: "cleaning" });
  // An update of ours may still be running (interrupted during a wait): let it finish first.
  let current = await target.waitForUpdate();
  let differs = configDifferences(entry.original.configuration, current.configuration);
  if (differs.length > 0) {
    const onlyMemory = differs.length === 1 && differs[0] === "MemorySize";
    const ourRevision = entry.ownRevisionIds.includes(current.revisionId);
    // A memory-only difference at the size we were writing is our own write whose new
    // RevisionId never reached the journal (killed between the call and the save).
    const ourPendingWrite = onlyMemory && current.memoryMb === entry.pendingMemoryMb;
    if (onlyMemory && (ourRevision || ourPendingWrite)) {
      try {
        current = await target.setMemory(entry.original.memoryMb, current.revisionId);
        result.memoryRestored = true;
        differs = configDifferences(entry.original.configuration, current.configuration);
      } catch (error) {
        if (!(error instanceof ConcurrentChangeError)) throw error;
        result.foreignChange = error.message;
      }
    } else {
      result.foreignChange = `someone else changed ${entry.functionName} meanwhile (${differs.join(", ")}); tune left $LATEST as they set it`;
    }
  }
  result.restored = differs.length === 0 && !result.foreignChange;
  result.latestRevisionId = current.revisionId;

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
  if (result.failedDeletes.length === 0) {
    journal.remove();
  } else {
    // Keep the journal so --recover can try again; it now lists only what is left.
    journal.update({
      createdVersions: result.failedDeletes.map((failed) => failed.version),
    });
  }
  return result;
}
export function describeCleanup(cleanup: PutBackResult): string {
  const parts = [
    cleanup.deletedVersions.length > 0
      ? `deleted the ${cleanup.deletedVersions.length} version(s) this run created (${cleanup.deletedVersions.join(", ")})`
      : "created no versions to delete",
  ];
  if (cleanup.failedDeletes.length > 0) {
    parts.push(
      `could NOT delete ${cleanup.failedDeletes.map((f) => f.version).join(", ")}; run tune --recover`,
    );
  }
  parts.push(
    cleanup.foreignChange ??
      (cleanup.restored ? "$LATEST is exactly as found" : "$LATEST could not be verified"),
  );
  return parts.join("; ");
}
