/**
 * Step 3 of a tune run: one published version per memory size, $LATEST back at its original
 * memory right after. Each write carries the RevisionId this run last saw, so a deploy by
 * someone else stops the run (ConcurrentChangeError) instead of being overwritten.
 */

import {
  type CallOptions,
  ConcurrentChangeError,
  configDifferences,
  type FunctionSnapshot,
  type TuningTarget,
} from "../core/tuning/ports.js";
import type { Journal } from "./journal.js";

export interface PublishPhaseResult {
  /** memoryMb → version number to invoke. */
  versions: Map<number, string>;
  /** $LATEST after its memory was put back. */
  latest: FunctionSnapshot;
}

/**
 * Publishes the sizes in ascending order, except that the original size goes last: its version
 * is published with $LATEST already back at its original memory, saving one update.
 */
export function publishOrder(sizesMb: readonly number[], originalMemoryMb: number): number[] {
  const rest = [...sizesMb].filter((size) => size !== originalMemoryMb).sort((a, b) => a - b);
  return sizesMb.includes(originalMemoryMb) ? [...rest, originalMemoryMb] : rest;
}

export async function publishSizes(
  target: TuningTarget,
  journal: Journal,
  original: FunctionSnapshot,
  sizesMb: readonly number[],
  options: CallOptions & {
    onVersion?: (memoryMb: number, version: string, created: boolean) => void;
  },
): Promise<PublishPhaseResult> {
  const versions = new Map<number, string>();
  let latest = original;
  const remember = (snapshot: FunctionSnapshot) => {
    latest = snapshot;
    if (!journal.entry.ownRevisionIds.includes(snapshot.revisionId)) {
      journal.update({ ownRevisionIds: [...journal.entry.ownRevisionIds, snapshot.revisionId] });
    }
  };
  const setMemory = async (memoryMb: number) => {
    // Journal first: if we die mid-call, recovery knows this value is ours to put back.
    if (!journal.entry.writtenMemoryMb.includes(memoryMb)) {
      journal.update({ writtenMemoryMb: [...journal.entry.writtenMemoryMb, memoryMb] });
    }
    remember(await target.setMemory(memoryMb, latest.revisionId, options));
  };

  for (const memoryMb of publishOrder(sizesMb, original.memoryMb)) {
    options.abortSignal?.throwIfAborted();
    if (memoryMb === original.memoryMb && latest.memoryMb !== memoryMb) {
      journal.update({ phase: "restoring" });
    }
    if (latest.memoryMb !== memoryMb) await setMemory(memoryMb);
    const published = await target.publishVersion(
      latest.revisionId,
      journal.entry.versionDescription,
      options,
    );
    if (published.created) {
      journal.update({ createdVersions: [...journal.entry.createdVersions, published.version] });
    } else {
      journal.update({ reusedVersions: [...journal.entry.reusedVersions, published.version] });
    }
    if (published.memoryMb && published.memoryMb !== memoryMb) {
      throw new ConcurrentChangeError(
        `version ${published.version} has ${published.memoryMb} MB, not ${memoryMb} MB: someone else changed the function meanwhile.`,
      );
    }
    versions.set(memoryMb, published.version);
    options.onVersion?.(memoryMb, published.version, published.created);
    // Publishing may move $LATEST's RevisionId; re-read it and make sure nothing else moved.
    const after = await target.snapshot(options);
    const differs = configDifferences(latest.configuration, after.configuration);
    if (differs.length > 0) {
      throw new ConcurrentChangeError(
        `${original.functionName} was changed by someone else while tune was publishing (${differs.join(", ")}).`,
      );
    }
    remember(after);
  }
  if (latest.memoryMb !== original.memoryMb) {
    journal.update({ phase: "restoring" });
    await setMemory(original.memoryMb);
  }
  journal.update({ phase: "invoking" });
  return { versions, latest };
}
