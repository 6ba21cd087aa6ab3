/**
 * Step 2 of a run: journal, then claim the function with the lock alias, then read the function
 * again — that read, taken while the lock is held, is the true original (a run that read the
 * function while an earlier run had it at a temporary size must not take that size for the
 * original: issue 18, found bug 2). Nothing about the function itself changes here.
 */
import { ConfigError, UsageError } from "../core/errors.js";
import {
  configDifferences,
  type FunctionSnapshot,
  type TuningTarget,
} from "../core/tuning/ports.js";
import { Journal, newRunId, versionDescriptionFor } from "./journal.js";
import {
  configDigest,
  describeHolder,
  encodeLock,
  LOCK_ALIAS,
  type LockRecord,
  readLock,
} from "./lock.js";
import { currentIdentity } from "./process-identity.js";

export interface Claimed {
  journal: Journal;
  /** $LATEST as read with the lock held: what put-back restores. */
  original: FunctionSnapshot;
}

/** Claims attempts when the function keeps changing between the claim and the read. */
const CLAIM_ATTEMPTS = 3;

export async function claimFunction(
  target: TuningTarget,
  dir: string,
  found: FunctionSnapshot,
  sizesMb: readonly number[],
  options: { abortSignal?: AbortSignal | undefined } = {},
): Promise<Claimed> {
  const runId = newRunId();
  let original = found;
  const journal = createJournal(dir, runId, original);
  for (let attempt = 1; ; attempt++) {
    const lock = lockFor(journal, original, sizesMb);
    let claim: "created" | "exists";
    try {
      claim = await target.createMarkerAlias(LOCK_ALIAS, encodeLock(lock));
    } catch (error) {
      journal.remove();
      if (error instanceof Error) error.message = `${error.message}; tune changed nothing`;
      throw error;
    }
    if (claim === "exists") {
      journal.remove();
      throw await refusal(target, original.functionName, original.region);
    }
    journal.update({ lockAlias: LOCK_ALIAS });
    const now = await target.waitForUpdate(options);
    now.code ??= original.code;
    if (configDifferences(original.configuration, now.configuration).length === 0) {
      journal.update({ phase: "publishing", original: originalOf(now) });
      return { journal, original: now };
    }
    // The function changed between our first read and the claim (e.g. an earlier run put its
    // memory back just now): release, and claim again with what it is now.
    await target.deleteAlias(LOCK_ALIAS);
    journal.update({ lockAlias: undefined, original: originalOf(now) });
    original = now;
    if (attempt >= CLAIM_ATTEMPTS) {
      journal.remove();
      throw new UsageError(
        `${found.functionName} kept changing while tune tried to start (${attempt} attempts); nothing was changed. Try again when deploys have settled.`,
      );
    }
  }
}

/** Exit 2 naming the run that holds the lock. */
async function refusal(target: TuningTarget, fn: string, region: string): Promise<UsageError> {
  const holder = await readLock(target);
  const recover = `\`lambda-cost tune ${fn} --recover --region ${region}\``;
  if (holder === "foreign" || holder === undefined) {
    return new UsageError(
      `${fn} has an alias named ${LOCK_ALIAS} that tune did not write; tune changed nothing. Delete that alias if it is not in use, then try again.`,
    );
  }
  return new UsageError(
    `${fn} is being tuned ${describeHolder(holder)}; tune changed nothing. Wait for that run, or run ${recover} if it died.`,
  );
}

function lockFor(journal: Journal, original: FunctionSnapshot, sizesMb: readonly number[]) {
  const { entry } = journal;
  return {
    runId: entry.runId,
    since: entry.startedAt,
    host: entry.host,
    pid: entry.pid,
    pidStartTicks: entry.pidStartTicks,
    originalMemoryMb: original.memoryMb,
    sizesMb: [...sizesMb],
    digest: configDigest(original.configuration),
  } satisfies LockRecord;
}

function originalOf(snap: FunctionSnapshot) {
  return {
    revisionId: snap.revisionId,
    memoryMb: snap.memoryMb,
    configuration: snap.configuration,
    digest: configDigest(snap.configuration),
    architecture: snap.architecture,
    codeSha256: snap.codeSha256,
    packageType: snap.packageType,
    imageUri: snap.code?.imageUri,
  };
}

/** Writes the journal before any change; if that fails, nothing has been changed. */
function createJournal(dir: string, runId: string, snap: FunctionSnapshot): Journal {
  try {
    return Journal.create(dir, {
      format: 2,
      runId,
      ...currentIdentity(),
      startedAt: new Date().toISOString(),
      functionName: snap.functionName,
      functionArn: snap.functionArn,
      region: snap.region,
      accountId: snap.accountId,
      phase: "claiming",
      original: originalOf(snap),
      ownRevisionIds: [],
      writtenMemoryMb: [],
      versionDescription: versionDescriptionFor(runId),
      createdVersions: [],
      reusedVersions: [],
    });
  } catch (error) {
    throw new ConfigError(
      `cannot write the tune journal in ${dir} (${(error as Error).message}); nothing was changed.`,
      { cause: error },
    );
  }
}
