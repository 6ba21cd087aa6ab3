/**
 * The lock every machine sees: before its first change a run creates the alias
 * `lambda-cost-tune-lock` on the function, pointing at $LATEST. CreateAlias fails with
 * ResourceConflictException when the alias exists, so exactly one run — on any machine, with any
 * state directory — holds it. Its Description (≤ 256 characters) carries what recovery needs on
 * a machine that never saw the run's journal: the run's identity, the true original memory, the
 * sizes the run may write and a digest of the rest of the configuration. Put-back removes it
 * last, only once everything the run owns is back.
 */
import { createHash } from "node:crypto";
import { stableJson, type TuningTarget } from "../core/tuning/ports.js";
import type { RunIdentity } from "./process-identity.js";

export const LOCK_ALIAS = "lambda-cost-tune-lock";
const PREFIX = "lambda-cost tune lock";
const MAX_DESCRIPTION = 256;

export interface LockRecord extends RunIdentity {
  runId: string;
  /** ISO time the run started. */
  since: string;
  originalMemoryMb: number;
  /** The MemorySize values the run may write (its sizes). */
  sizesMb: number[];
  /** When the sizes did not fit in the description: the range they lie in, instead. */
  sizesRangeMb?: [number, number] | undefined;
  /** configDigest() of the original configuration. */
  digest: string;
}

/** 16 hex digits of SHA-256 over the configuration minus MemorySize (the field tune owns). */
export function configDigest(configuration: Record<string, unknown>): string {
  const { MemorySize: _memory, ...rest } = configuration;
  return createHash("sha256").update(stableJson(rest)).digest("hex").slice(0, 16);
}

export function encodeLock(lock: LockRecord): string {
  const head = [
    PREFIX,
    `run=${lock.runId}`,
    `since=${lock.since.replace(/\.\d+Z$/, "Z")}`,
    `pid=${lock.pid}`,
    ...(lock.pidStartTicks ? [`pst=${lock.pidStartTicks}`] : []),
    `mem=${lock.originalMemoryMb}`,
    `cfg=${lock.digest}`,
  ];
  const host = `host=${lock.host.replace(/[;\s]/g, "_")}`;
  const listed = [...head, `sizes=${lock.sizesMb.join(",")}`].join("; ");
  // Too many sizes for 256 characters: the range they lie in says as much for recovery.
  const sizes =
    listed.length + 8 <= MAX_DESCRIPTION
      ? `sizes=${lock.sizesMb.join(",")}`
      : `range=${Math.min(...lock.sizesMb)}-${Math.max(...lock.sizesMb)}`;
  // The host name goes last and is cut to fit: it only helps a person recognise the run.
  return [...head, sizes, host].join("; ").slice(0, MAX_DESCRIPTION);
}

/** The lock's fields, or undefined when the alias is not a lock this tool wrote. */
export function decodeLock(description: string): LockRecord | undefined {
  if (!description.startsWith(`${PREFIX}; `)) return undefined;
  const fields = new Map(
    description
      .split("; ")
      .slice(1)
      .map((part) => [part.slice(0, part.indexOf("=")), part.slice(part.indexOf("=") + 1)]),
  );
  const runId = fields.get("run");
  const pid = Number(fields.get("pid"));
  const memoryMb = Number(fields.get("mem"));
  const sizes = (fields.get("sizes") ?? "").split(",").filter(Boolean).map(Number);
  const range = /^(\d+)-(\d+)$/.exec(fields.get("range") ?? "");
  if (!runId || !Number.isInteger(pid) || !Number.isInteger(memoryMb)) return undefined;
  if (sizes.some((size) => !Number.isInteger(size))) return undefined;
  return {
    runId,
    since: fields.get("since") ?? "",
    host: fields.get("host") ?? "",
    pid,
    pidStartTicks: fields.get("pst"),
    originalMemoryMb: memoryMb,
    sizesMb: sizes,
    sizesRangeMb: range ? [Number(range[1]), Number(range[2])] : undefined,
    digest: fields.get("cfg") ?? "",
  };
}

/** The lock on the function now: a record, "foreign" (an alias of that name we cannot read), or none. */
export async function readLock(target: TuningTarget): Promise<LockRecord | "foreign" | undefined> {
  const alias = await target.getAlias(LOCK_ALIAS);
  if (!alias) return undefined;
  return decodeLock(alias.description ?? "") ?? "foreign";
}

/** "05:23 UTC" (or the date too when it is not today). */
export function lockTime(since: string, now = new Date()): string {
  const at = new Date(since);
  if (Number.isNaN(at.getTime())) return since || "an unknown time";
  const time = `${at.toISOString().slice(11, 16)} UTC`;
  return at.toISOString().slice(0, 10) === now.toISOString().slice(0, 10)
    ? time
    : `${at.toISOString().slice(0, 10)} ${time}`;
}

/** One line naming the run that holds the lock. */
export function describeHolder(lock: LockRecord): string {
  return `since ${lockTime(lock.since)} by ${lock.host || "an unknown host"}/pid ${lock.pid} (run ${lock.runId})`;
}
