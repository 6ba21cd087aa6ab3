/**
 * The tune journal: what a run is about to change, written to disk BEFORE the change, so a run
 * killed at any point (SIGKILL, power loss) can be put back by `tune --recover` or by the next
 * run on the same function. One file per function, under
 * `$XDG_STATE_HOME/lambda-cost/` (default `~/.local/state/lambda-cost/`), written atomically
 * (temp file + rename, the same directory, so a reader never sees half a file).
 */
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { homedir, hostname } from "node:os";
import { join } from "node:path";

export type JournalPhase = "publishing" | "restoring" | "invoking" | "cleaning";

export interface JournalEntry {
  format: 1;
  runId: string;
  pid: number;
  host: string;
  startedAt: string;
  functionName: string;
  functionArn: string;
  region: string;
  accountId: string;
  phase: JournalPhase;
  original: {
    revisionId: string;
    memoryMb: number;
    /** $LATEST's configuration without volatile fields (see FunctionSnapshot.configuration). */
    configuration: Record<string, unknown>;
  };
  /** Every RevisionId of $LATEST this run produced: one of these means "our change". */
  ownRevisionIds: string[];
  /** The memory size being written when the journal was last saved (a write may be in flight). */
  pendingMemoryMb?: number | undefined;
  /** The description this run puts on its versions. */
  versionDescription: string;
  /** Versions this run created: the only ones it may delete. */
  createdVersions: string[];
  /** Versions PublishVersion handed back that existed before the run: never deleted. */
  reusedVersions: string[];
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

export function newRunId(): string {
  return `${new Date().toISOString().replace(/[-:]/g, "").slice(0, 15)}-${randomBytes(3).toString("hex")}`;
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
    let text: string;
    try {
      text = readFileSync(path, "utf8");
    } catch (error) {
      // No file, or no directory to hold one (a later create says what is wrong with it).
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "ENOENT" || code === "ENOTDIR") return undefined;
      throw error;
    }
    const entry = JSON.parse(text) as JournalEntry;
    if (entry.format !== 1) throw new Error(`${path} has an unknown journal format`);
    return new Journal(path, entry);
  }

  update(change: Partial<JournalEntry>): void {
    this.entry = { ...this.entry, ...change };
    this.save();
  }

  save(): void {
    const dir = join(this.path, "..");
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const temp = `${this.path}.${process.pid}.tmp`;
    writeFileSync(temp, `${JSON.stringify(this.entry, null, 2)}\n`, { mode: 0o600 });
    renameSync(temp, this.path);
  }

  remove(): void {
    rmSync(this.path, { force: true });
  }

  /** True when the run that wrote this journal is still alive on this machine. */
  ownerAlive(): boolean {
    if (this.entry.host !== hostname() || this.entry.pid === process.pid) return false;
    try {
      process.kill(this.entry.pid, 0);
      return true;
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === "EPERM";
    }
  }
}

export function currentHost(): string {
  return hostname();
}
