/**
 * The tune journal: what a run is about to change, written to disk BEFORE the change, so a run
 * killed at any point (SIGKILL, power loss) can be put back by `tune --recover` or by the next
 * run on the same function. One file per function, under `$XDG_STATE_HOME/lambda-cost/`
 * (default `~/.local/state/lambda-cost/`), mode 0600, written by the one atomic writer.
 *
 * It holds only what put-back needs: the original MemorySize and RevisionId, the configuration
 * to compare against (environment variable values replaced by a digest, see normalizeConfig),
 * the sizes this run wrote, the versions it created and the lock it holds. The same facts, in
 * short, are in the lock alias on the function (lock.ts), so recovery also works from another
 * machine that never saw this file.
 */
import { randomBytes } from "node:crypto";
import { readFileSync, rmSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import type { Architecture } from "../core/pricing/types.js";
import { removeStaleTemps, writeFileAtomicSync } from "../fs/atomic-write.js";
import { ownerState, type RunIdentity } from "./process-identity.js";

export type JournalPhase = "claiming" | "publishing" | "restoring" | "invoking" | "cleaning";

export interface JournalEntry extends RunIdentity {
  format: 2;
  runId: string;
  startedAt: string;
  functionName: string;
  functionArn: string;
  region: string;
  accountId: string;
  phase: JournalPhase;
  original: {
    revisionId: string;
    memoryMb: number;
    /**
     * $LATEST's configuration without volatile fields and without secrets; absent when the
     * journal was rebuilt from the lock alias on another machine (then only `digest` is known).
     */
    configuration?: Record<string, unknown> | undefined;
    /** Short digest of the configuration minus MemorySize (what the lock alias carries). */
    digest: string;
    /** $LATEST's architecture and code before the run (absent in journals before --arch). */
    architecture?: Architecture | undefined;
    codeSha256?: string | undefined;
    packageType?: "Zip" | "Image" | undefined;
    imageUri?: string | undefined;
  };
  /**
   * Every architecture this run wrote or was about to write with UpdateFunctionCode: tune owns
   * $LATEST's architecture (and code) only while its code is the original's and its
   * architecture one of these.
   */
  writtenArchitectures?: Architecture[] | undefined;
  /**
   * The zip as found, saved beside the journal BEFORE any change (Code.Location expires after
   * 10 minutes): what put-back uploads again, checked against `sha256` (base64, as CodeSha256).
   */
  savedCode?: { path: string; sha256: string; sizeBytes: number } | undefined;
  /** --code-bucket: the bucket for zips over the direct-upload limit. */
  codeBucket?: string | undefined;
  /** S3 objects this run put (or was about to put) there: deleted at the end. */
  stagedObjects?: Array<{ bucket: string; key: string }> | undefined;
  /** Every RevisionId of $LATEST this run produced: one of these means "our change". */
  ownRevisionIds: string[];
  /** Every MemorySize this run wrote or was about to write: tune owns $LATEST's memory only
   * while it holds one of these values. */
  writtenMemoryMb: number[];
  /** Rebuilt from a lock whose sizes did not fit: any size in this range may be the run's. */
  writtenMemoryRangeMb?: [number, number] | undefined;
  /** The description this run puts on its versions. */
  versionDescription: string;
  /** Versions this run created: the only ones it may delete. */
  createdVersions: string[];
  /** Versions PublishVersion handed back that existed before the run: never deleted. */
  reusedVersions: string[];
  /** The lock alias, once this run created it (removed last, by put-back). */
  lockAlias?: string | undefined;
}

/** The state directory: $XDG_STATE_HOME/lambda-cost, else ~/.local/state/lambda-cost. */
export function defaultJournalDir(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_STATE_HOME || join(homedir(), ".local", "state");
  return join(base, "lambda-cost");
}

export function journalPath(
  dir: string,
  ids: { region: string; accountId: string; functionName: string },
): string {
  const safe = `${ids.region}_${ids.accountId || "unknown"}_${ids.functionName}`.replace(
    /[^\w.-]/g,
    "_",
  );
  return join(dir, `tune-${safe}.json`);
}

export function newRunId(now = new Date()): string {
  return `${now.toISOString().replace(/[-:]/g, "").slice(0, 15)}-${randomBytes(3).toString("hex")}`;
}

/** Where a run saves the function's zip before any change (beside its journal). */
export function savedCodePath(
  dir: string,
  ids: { region: string; accountId: string; functionName: string },
  runId: string,
): string {
  return journalPath(dir, ids).replace(/\.json$/, `.${runId}.code.zip`);
}

/** The description a run puts on the versions it publishes (how recovery finds them). */
export function versionDescriptionFor(runId: string): string {
  return `lambda-cost tune ${runId} (temporary; deleted when the run ends)`;
}

/** A journal file on disk: save() rewrites it atomically, remove() deletes it. */
export class Journal {
  readonly path: string;
  entry: JournalEntry;

  private constructor(path: string, entry: JournalEntry) {
    this.path = path;
    this.entry = entry;
  }

  /** Creates and writes the journal; fails (nothing changed yet) if the directory is unusable. */
  static create(dir: string, entry: JournalEntry): Journal {
    const journal = new Journal(journalPath(dir, entry), entry);
    journal.save();
    return journal;
  }

  /** The journal left for this function, if any. A corrupt file is reported, not ignored. */
  static find(
    dir: string,
    ids: { region: string; accountId: string; functionName: string },
  ): Journal | undefined {
    const path = journalPath(dir, ids);
    // A run killed mid-write leaves a temporary file: every look for a journal tidies it away.
    removeStaleTemps(dir);
    let text: string;
    try {
      text = readFileSync(path, "utf8");
    } catch (error) {
      // No file, or no directory to hold one (a later create says what is wrong with it).
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "ENOENT" || code === "ENOTDIR") return undefined;
      throw error;
    }
    return new Journal(path, upgrade(JSON.parse(text) as Record<string, unknown>, path));
  }

  update(change: Partial<JournalEntry>): void {
    this.entry = { ...this.entry, ...change };
    this.save();
  }

  save(): void {
    writeFileAtomicSync(this.path, `${JSON.stringify(this.entry, null, 2)}\n`, {
      mode: 0o600,
      dirMode: 0o700,
    });
  }

  remove(): void {
    // The saved code goes with the journal: once everything is back it is no longer needed.
    if (this.entry.savedCode) rmSync(this.entry.savedCode.path, { force: true });
    rmSync(this.path, { force: true });
  }

  /** Whether the run that wrote this journal still runs (pid AND start time compared). */
  owner() {
    return ownerState(this.entry);
  }
}

/** Format 1 (before field ownership) kept the size being written as `pendingMemoryMb`. */
function upgrade(raw: Record<string, unknown>, path: string): JournalEntry {
  if (raw.format === 2) return raw as unknown as JournalEntry;
  if (raw.format !== 1) throw new Error(`${path} has an unknown journal format`);
  const pending = raw.pendingMemoryMb;
  const original = raw.original as JournalEntry["original"];
  return {
    ...(raw as unknown as JournalEntry),
    format: 2,
    original: { ...original, digest: "" },
    writtenMemoryMb: typeof pending === "number" ? [pending] : [],
  };
}
