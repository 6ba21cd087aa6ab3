/**
 * Changing $LATEST's architecture (`tune --arch`): the architecture belongs to the code, so it
 * is set with UpdateFunctionCode, uploading the SAME bytes (a zip, saved beside the journal
 * before any change) or the same multi-architecture image. Tune owns $LATEST's architecture
 * only while its code is still the original's and its architecture one this run wrote
 * (field-level ownership, as for MemorySize): a deploy by someone else is theirs and stays.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { AwsError, UsageError } from "../core/errors.js";
import type { Architecture } from "../core/pricing/types.js";
import {
  type CallOptions,
  type CodeSource,
  type CodeTarget,
  ConcurrentChangeError,
  type FunctionSnapshot,
} from "../core/tuning/ports.js";
import { writeFileAtomicSync } from "../fs/atomic-write.js";
import { type Journal, type JournalEntry, savedCodePath } from "./journal.js";

/** Lambda's limit for a zip uploaded directly (ZipFile): 50 MB (Lambda quotas page). */
export const DIRECT_UPLOAD_LIMIT_BYTES = 52_428_800;

export function sha256Base64(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("base64");
}

/** The S3 key a run stages its zip under (in --code-bucket). */
export function stagedKey(entry: JournalEntry): string {
  return `lambda-cost-tune/${entry.runId}/${entry.functionName}.zip`;
}

/**
 * Saves $LATEST's zip beside the journal before anything changes: a presigned Code.Location
 * expires, a file does not. The bytes must hash to the CodeSha256 the run found.
 */
export async function saveOriginalCode(
  code: CodeTarget,
  journal: Journal,
  original: FunctionSnapshot,
  dir: string,
  options: CallOptions,
): Promise<Uint8Array> {
  const bytes = await code.downloadCode(options);
  const sha = sha256Base64(bytes);
  if (sha !== original.codeSha256) {
    throw new ConcurrentChangeError(
      `${original.functionName}'s code changed while tune was starting (downloaded ${sha}, expected CodeSha256 ${original.codeSha256}).`,
    );
  }
  const path = savedCodePath(dir, journal.entry, journal.entry.runId);
  writeFileAtomicSync(path, bytes, { mode: 0o600, dirMode: 0o700 });
  journal.update({ savedCode: { path, sha256: sha, sizeBytes: bytes.length } });
  return bytes;
}

/** The saved zip, checked against its hash (a corrupt or foreign file is never uploaded). */
export function readSavedCode(entry: JournalEntry): Uint8Array {
  const saved = entry.savedCode;
  if (!saved) throw new AwsError(`no saved code for ${entry.functionName} in the journal`);
  const bytes = readFileSync(saved.path);
  if (sha256Base64(bytes) !== saved.sha256) {
    throw new AwsError(
      `the saved code ${saved.path} does not hash to ${saved.sha256}; it was not uploaded.`,
    );
  }
  return bytes;
}

/** What UpdateFunctionCode uploads: the bytes, the staged S3 object, or the image. */
async function sourceFor(
  code: CodeTarget,
  journal: Journal,
  bytes: () => Uint8Array,
): Promise<CodeSource> {
  const entry = journal.entry;
  if (entry.original.packageType === "Image") {
    return { kind: "image", imageUri: entry.original.imageUri ?? "" };
  }
  const zip = bytes();
  if (zip.length <= DIRECT_UPLOAD_LIMIT_BYTES) return { kind: "zip", bytes: zip };
  const bucket = entry.codeBucket;
  if (!bucket) {
    throw new UsageError(
      `${entry.functionName}'s code is ${(zip.length / 1_048_576).toFixed(1)} MB, over the 50 MB direct upload; give --code-bucket BUCKET to stage it in S3.`,
    );
  }
  const key = stagedKey(entry);
  const staged = entry.stagedObjects ?? [];
  if (!staged.some((o) => o.bucket === bucket && o.key === key)) {
    // Journal first: if we die during the upload, recovery knows the object is ours to delete.
    journal.update({ stagedObjects: [...staged, { bucket, key }] });
    await code.putStagedCode(bucket, key, zip);
  }
  return { kind: "s3", bucket, key };
}

/** Sets $LATEST's code (the same bytes) to `architecture`, journaled first. */
export async function swapArchitecture(
  code: CodeTarget,
  journal: Journal,
  latest: FunctionSnapshot,
  architecture: Architecture,
  bytes: () => Uint8Array,
  options: CallOptions,
): Promise<FunctionSnapshot> {
  const written = journal.entry.writtenArchitectures ?? [];
  if (!written.includes(architecture)) {
    journal.update({ writtenArchitectures: [...written, architecture] });
  }
  const source = await sourceFor(code, journal, bytes);
  const after = await code.setCode(source, architecture, latest.revisionId, options);
  journal.update({ ownRevisionIds: [...journal.entry.ownRevisionIds, after.revisionId] });
  if (after.codeSha256 !== journal.entry.original.codeSha256) {
    throw new ConcurrentChangeError(
      `${latest.functionName}'s code is not the original after the architecture change (CodeSha256 ${after.codeSha256}, expected ${journal.entry.original.codeSha256}).`,
    );
  }
  return after;
}

/** Tune may put the architecture back only while $LATEST runs the original code on one it wrote. */
export function ownsArchitecture(entry: JournalEntry, current: FunctionSnapshot): boolean {
  const original = entry.original.architecture;
  if (original === undefined || current.architecture === original) return false;
  if (entry.ownRevisionIds.includes(current.revisionId)) return true;
  return (
    (entry.writtenArchitectures ?? []).includes(current.architecture) &&
    current.codeSha256 === entry.original.codeSha256
  );
}

/**
 * Put-back's half for the architecture: the original bytes (saved file; without one — a
 * journal rebuilt elsewhere — the current code, which tune never changed) uploaded with the
 * original architecture, then CodeSha256 verified equal to the original's.
 */
export async function restoreArchitecture(
  code: CodeTarget,
  journal: Journal,
  current: FunctionSnapshot,
): Promise<FunctionSnapshot> {
  const entry = journal.entry;
  const original = entry.original.architecture as Architecture;
  let downloaded: Uint8Array | undefined;
  if (!entry.savedCode && entry.original.packageType !== "Image") {
    downloaded = await code.downloadCode();
  }
  const source = await sourceFor(code, journal, () => downloaded ?? readSavedCode(entry));
  const after = await code.setCode(source, original, current.revisionId);
  journal.update({ ownRevisionIds: [...entry.ownRevisionIds, after.revisionId] });
  return after;
}

/** Deletes what the run staged in S3; returns what could not be deleted. */
export async function deleteStaged(
  code: CodeTarget | undefined,
  journal: Journal,
): Promise<Array<{ version: string; error: string }>> {
  const failed: Array<{ version: string; error: string }> = [];
  for (const object of journal.entry.stagedObjects ?? []) {
    try {
      if (!code) throw new Error("this target cannot reach S3");
      await code.deleteStagedCode(object.bucket, object.key);
    } catch (error) {
      failed.push({
        version: `s3://${object.bucket}/${object.key}`,
        error: (error as Error).message,
      });
    }
  }
  if (failed.length === 0 && (journal.entry.stagedObjects ?? []).length > 0) {
    journal.update({ stagedObjects: [] });
  }
  return failed;
}
