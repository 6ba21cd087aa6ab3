/**
 * `--apply [--alias NAME]`: after a clean run, set the recommended memory on $LATEST
 * (RevisionId-checked against the $LATEST the run verified), and with --alias publish a version
 * and point the alias at it.
 *
 * Alias policy: naming an alias with --alias is the user asking for it to move, so an existing
 * alias is updated (RevisionId-checked, its old version said in the question) — except an alias
 * that splits traffic (RoutingConfig weights): moving it would silently end a gradual rollout,
 * so tune refuses and says why. Tune never creates or moves any alias without --apply --alias.
 */
import { AwsError, UsageError } from "../core/errors.js";
import {
  ConcurrentChangeError,
  type FunctionSnapshot,
  type TuningTarget,
} from "../core/tuning/ports.js";
import type { PutBackResult } from "../core/tuning/run-outcome.js";

export interface ApplyOutcome {
  applied: boolean;
  memoryMb: number;
  previousMemoryMb: number;
  version?: string | undefined;
  alias?: { name: string; previousVersion?: string | undefined; version: string } | undefined;
  note: string;
}

export async function applyRecommendation(
  target: TuningTarget,
  original: FunctionSnapshot,
  memoryMb: number,
  aliasName: string | undefined,
  cleanup: PutBackResult,
  deps: { notify(line: string): void; confirm(question: string): Promise<boolean> },
): Promise<ApplyOutcome> {
  const base = { memoryMb, previousMemoryMb: original.memoryMb };
  if (!cleanup.restored) {
    throw new AwsError(
      `not applying: ${original.functionName} was changed by someone else during the run, so the recommendation may no longer fit; ${cleanup.foreignChange ?? ""}`.trim(),
    );
  }
  const existing = aliasName ? await target.getAlias(aliasName) : undefined;
  if (existing?.weighted) {
    throw new UsageError(
      `not applying: alias ${aliasName} splits traffic between versions (RoutingConfig); finish that rollout first or name another alias.`,
    );
  }
  const steps: string[] = [];
  if (memoryMb !== original.memoryMb)
    steps.push(`set MemorySize ${original.memoryMb} → ${memoryMb} MB on $LATEST`);
  if (aliasName) {
    steps.push(
      existing
        ? `publish a version and move alias ${aliasName} to it (from version ${existing.functionVersion})`
        : `publish a version and create alias ${aliasName} pointing at it`,
    );
  }
  if (steps.length === 0) {
    return {
      ...base,
      applied: false,
      note: `${original.functionName} already has ${memoryMb} MB; nothing to apply`,
    };
  }
  const question = `Apply to ${original.functionName} (${original.region}): ${steps.join(", then ")}?`;
  if (!(await deps.confirm(question))) {
    return { ...base, applied: false, note: "not applied (declined)" };
  }
  deps.notify(`applying: ${steps.join(", then ")}`);
  let published: { version: string } | undefined;
  try {
    const latest =
      memoryMb !== original.memoryMb
        ? await target.setMemory(memoryMb, cleanup.latestRevisionId)
        : await target.snapshot();
    if (!aliasName) {
      return { ...base, applied: true, note: `set ${original.functionName} to ${memoryMb} MB` };
    }
    published = await target.publishVersion(
      latest.revisionId,
      `lambda-cost tune --apply: ${memoryMb} MB`,
    );
    await target.pointAlias(aliasName, published.version, existing);
  } catch (error) {
    if (!(error instanceof ConcurrentChangeError)) throw error;
    // Someone changed the function (or the alias) after the run verified it: theirs wins.
    const partly = published ? ` beyond publishing version ${published.version}` : "";
    const what = `${original.functionName}${aliasName ? ` or alias ${aliasName}` : ""}`;
    throw new AwsError(
      `not applied${partly}: ${what} was changed by someone else after the run; tune did not overwrite it.`,
      { cause: error },
    );
  }
  return {
    ...base,
    applied: true,
    version: published.version,
    alias: {
      name: aliasName,
      previousVersion: existing?.functionVersion,
      version: published.version,
    },
    note: `set ${original.functionName} to ${memoryMb} MB; alias ${aliasName} → version ${published.version}`,
  };
}
