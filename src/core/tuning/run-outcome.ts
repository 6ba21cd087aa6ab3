/**
 * What a tune run reports besides the measurements: the plan it announces (and `--dry-run`
 * prints) and what putting the function back achieved. Plain data, so that renderers in
 * src/output can show them without importing the application service that produces them.
 */
import type { Decimal } from "../money/index.js";

export interface TunePlan {
  functionName: string;
  region: string;
  accountId: string;
  architecture: string;
  originalMemoryMb: number;
  sizesMb: number[];
  /** Fixed: exactly this many; auto: at most this many. */
  invocations: { mode: "fixed" | "auto"; perSize?: number | undefined; total: number };
  changes: string[];
  estimatedTuningCost: {
    /** Assuming a guessed duration (src/tune/plan.ts) at the current memory, scaling as 1/memory. */
    guess: Decimal;
    /** If every invocation ran until the function's timeout. */
    worstCase: Decimal;
    assumption: string;
  };
}

export interface PutBackResult {
  /** $LATEST was verified to match the journal's original configuration, every field. */
  restored: boolean;
  /** Memory was written back by this call. */
  memoryRestored: boolean;
  originalMemoryMb: number;
  /** Fields someone else changed meanwhile, kept as they set them. */
  theirFields: string[];
  /** Fields tune owns that are NOT back (the journal stays; --recover retries). */
  ownNotBack: string[];
  deletedVersions: string[];
  /** Set when $LATEST is not as found: who changed which field, in one sentence. */
  foreignChange?: string | undefined;
  /** Versions that could not be deleted (with the error), to say so. */
  failedDeletes: Array<{ version: string; error: string }>;
  /** $LATEST's RevisionId when it was verified, for a RevisionId-checked --apply. */
  latestRevisionId: string;
  /** The journal was kept because something the run owns is not back. */
  journalKept: boolean;
  /** The command that finishes the job when the journal was kept. */
  recoverCommand: string;
}
