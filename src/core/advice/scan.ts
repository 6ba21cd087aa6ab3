/**
 * What the Logs Insights queries will scan and cost, before they run. Insights bills the bytes
 * of the events in the queried time range ($0.005 per GB in us-east-1, CloudWatch pricing); a
 * group reports only its total stored bytes and its age, so the window's share is estimated
 * assuming even logging over the time the group has kept: stored × min(1, window / kept), with
 * kept = from max(creation, end − retention) to the end of the window.
 */
import { type Decimal, dec } from "../money/index.js";
import { BYTES_PER_GB } from "./rates.js";
import type { AdviceWindow } from "./types.js";

const DAY_MS = 86_400_000;

export interface ScannedGroup {
  storedBytes: number;
  creationTime: Date;
  retentionDays: number | undefined;
}

/** Bytes a query of the window over `group` is expected to scan. */
export function estimateGroupScanBytes(group: ScannedGroup, window: AdviceWindow): number {
  const endMs = window.end.getTime();
  const keptFrom = Math.max(
    group.creationTime.getTime(),
    group.retentionDays === undefined
      ? Number.NEGATIVE_INFINITY
      : endMs - group.retentionDays * DAY_MS,
  );
  const keptMs = endMs - keptFrom;
  const windowMs = endMs - window.start.getTime();
  if (keptMs <= windowMs) return group.storedBytes;
  return Math.ceil((group.storedBytes * windowMs) / keptMs);
}

/** USD for scanning `bytes` at `perGb`. */
export function scanCost(bytes: number, perGb: Decimal): Decimal {
  return dec(bytes).div(BYTES_PER_GB).times(perGb);
}
