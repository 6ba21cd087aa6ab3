/**
 * Who a tune run is, well enough to tell later whether it still runs: host, pid and the
 * process's start time. A pid alone is not enough — after a crash the number is reused by an
 * unrelated process, which would block recovery forever (issue 18, found bug 5).
 */
import { readFileSync } from "node:fs";
import { hostname } from "node:os";

export interface RunIdentity {
  host: string;
  pid: number;
  /** Linux: the start time from /proc/<pid>/stat (clock ticks since boot); else undefined. */
  pidStartTicks?: string | undefined;
}

/** What can be said about the run that wrote a journal or a lock. */
export type OwnerState =
  /** It is this very process. */
  | "self"
  /** The same process (pid and start time) still runs on this machine. */
  | "alive"
  /** It does not run any more (no such pid, or the pid now belongs to another process). */
  | "gone"
  /** Another machine, or a pid that runs but whose start time cannot be compared. */
  | "unverifiable";

export function currentIdentity(): RunIdentity {
  return {
    host: hostname(),
    pid: process.pid,
    pidStartTicks: processStartTicks(process.pid),
  };
}

/** Field 22 of /proc/<pid>/stat; undefined where there is no /proc (macOS, Windows). */
export function processStartTicks(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) may hold spaces and parentheses: count from its closing one.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return fields[19];
  } catch {
    return undefined;
  }
}

export function ownerState(owner: RunIdentity): OwnerState {
  if (owner.host !== hostname()) return "unverifiable";
  if (owner.pid === process.pid) {
    const mine = processStartTicks(process.pid);
    return owner.pidStartTicks === undefined || owner.pidStartTicks === mine ? "self" : "gone";
  }
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return "gone";
  }
  const now = processStartTicks(owner.pid);
  if (owner.pidStartTicks !== undefined && now !== undefined) {
    return now === owner.pidStartTicks ? "alive" : "gone";
  }
  return "unverifiable";
}
