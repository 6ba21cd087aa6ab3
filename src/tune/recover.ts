/**
 * Finds what an earlier run left — its journal in this state directory, or its lock alias on
 * the function (written by a run on any machine) — and puts the function back before anything
 * else happens. Runs at the start of every `tune`, and is all `--recover` does.
 *
 * Whose run is it, and is it still going? pid AND process start time are compared on the same
 * machine (a reused pid is not the run); a run on another machine cannot be checked from here,
 * so recovering its lock needs `--recover --force`, which is also the way out for any case
 * this check gets wrong.
 */

import { UsageError } from "../core/errors.js";
import type { FunctionSnapshot, TuningTarget } from "../core/tuning/ports.js";
import type { PutBackResult } from "../core/tuning/run-outcome.js";
import { Journal, versionDescriptionFor } from "./journal.js";
import { describeHolder, LOCK_ALIAS, type LockRecord, readLock } from "./lock.js";
import { ownerState } from "./process-identity.js";
import { putBack } from "./put-back.js";

export interface RecoverOptions {
  /** `--recover`: the user asks to recover a run that may have died elsewhere. */
  explicit: boolean;
  /** `--force`: recover even when the owner's death cannot be verified. */
  force: boolean;
  notify(line: string): void;
}

export async function recoverFirst(
  target: TuningTarget,
  journalDir: string,
  snapshot: FunctionSnapshot,
  options: RecoverOptions,
): Promise<PutBackResult | undefined> {
  const fn = snapshot.functionName;
  const recoverCmd = `lambda-cost tune ${fn} --recover --region ${snapshot.region}`;
  let journal: Journal | undefined;
  try {
    journal = Journal.find(journalDir, snapshot);
  } catch (error) {
    throw new UsageError(
      `the tune journal for ${fn} in ${journalDir} is unreadable (${(error as Error).message}); move it away after checking the function by hand.`,
      { cause: error },
    );
  }
  const lock = await readLock(target);
  if (lock === "foreign" && !journal) return undefined; // claimFunction explains it if we run
  const lockRecord = lock === "foreign" ? undefined : lock;

  if (journal) {
    const entry = journal.entry;
    checkOwner(
      entry,
      `another tune run (${entry.host}/pid ${entry.pid}, started ${entry.startedAt}) is working on ${fn}`,
      options,
      recoverCmd,
    );
    if (lockRecord && lockRecord.runId !== entry.runId && entry.phase === "claiming") {
      // That run died before it got the lock; another run holds it now. Nothing of ours to undo.
      journal.remove();
      return recoverFromLock(target, journalDir, snapshot, lockRecord, options, recoverCmd);
    }
    options.notify(
      `found the journal of an interrupted tune run (${entry.runId}, ${entry.phase}); putting ${fn} back first…`,
    );
    return finish(target, journal, options);
  }
  if (!lockRecord) return undefined;
  return recoverFromLock(target, journalDir, snapshot, lockRecord, options, recoverCmd);
}

/** No journal here, a lock on the function: recover from what the lock carries. */
async function recoverFromLock(
  target: TuningTarget,
  journalDir: string,
  snapshot: FunctionSnapshot,
  lock: LockRecord,
  options: RecoverOptions,
  recoverCmd: string,
): Promise<PutBackResult | undefined> {
  const fn = snapshot.functionName;
  const holder = `${fn} is being tuned ${describeHolder(lock)}`;
  if (!options.explicit) {
    throw new UsageError(
      `${holder}; tune changed nothing. Wait for that run, or run \`${recoverCmd}\` if it died.`,
    );
  }
  checkOwner(lock, holder, options, recoverCmd);
  options.notify(
    `found the lock alias ${LOCK_ALIAS} of run ${lock.runId} (no journal on this machine); putting ${fn} back from it…`,
  );
  const journal = Journal.create(journalDir, {
    format: 2,
    runId: lock.runId,
    host: lock.host,
    pid: lock.pid,
    pidStartTicks: lock.pidStartTicks,
    startedAt: lock.since,
    functionName: fn,
    functionArn: snapshot.functionArn,
    region: snapshot.region,
    accountId: snapshot.accountId,
    phase: "cleaning",
    original: { revisionId: "", memoryMb: lock.originalMemoryMb, digest: lock.digest },
    ownRevisionIds: [],
    writtenMemoryMb: lock.sizesMb,
    writtenMemoryRangeMb: lock.sizesRangeMb,
    versionDescription: versionDescriptionFor(lock.runId),
    createdVersions: [],
    reusedVersions: [],
    lockAlias: LOCK_ALIAS,
  });
  return finish(target, journal, options);
}

/** Refuses (exit 2) while the owner may still run, unless --force. */
function checkOwner(
  owner: { host: string; pid: number; pidStartTicks?: string | undefined },
  holder: string,
  options: RecoverOptions,
  recoverCmd: string,
): void {
  const state = ownerState(owner);
  if (state === "gone" || state === "self") return;
  if (options.force) {
    options.notify(
      `--force: recovering although that run ${state === "alive" ? "still runs" : "cannot be verified from here"}`,
    );
    return;
  }
  if (state === "alive") {
    throw new UsageError(`${holder} and still runs; wait for it to finish.`);
  }
  throw new UsageError(
    `${holder}; from this machine tune cannot tell whether that run died. If you are sure it did, run \`${recoverCmd} --force\`.`,
  );
}

async function finish(
  target: TuningTarget,
  journal: Journal,
  options: RecoverOptions,
): Promise<PutBackResult> {
  const entry = journal.entry;
  const result = await putBack(target, journal);
  // With --recover the result is printed once, by the renderer; a run that recovers first says it here.
  if (!options.explicit) {
    options.notify(
      `recovered ${entry.functionName}: ${result.memoryRestored ? `MemorySize back to ${entry.original.memoryMb} MB; ` : ""}deleted ${result.deletedVersions.length} version(s)${result.deletedVersions.length ? ` (${result.deletedVersions.join(", ")})` : ""}; ${result.foreignChange ?? "$LATEST is as it was found"}.`,
    );
  }
  return result;
}
