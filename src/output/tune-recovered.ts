/** Renders what `tune --recover` did: put a function back from an interrupted run's journal. */

import type { PutBackResult } from "../core/tuning/run-outcome.js";
import type { OutputFormat } from "./format.js";

export function renderRecovered(
  functionName: string,
  recovered: PutBackResult | undefined,
  /** `html` is refused with --recover before the run (tune-action.ts); it would print as table. */
  format: OutputFormat,
): string {
  if (format === "json") {
    return JSON.stringify({
      function: functionName,
      recovered: recovered !== undefined,
      restored: recovered?.restored ?? true,
      deletedVersions: recovered?.deletedVersions ?? [],
      theirFields: recovered?.theirFields ?? [],
      ownNotBack: recovered?.ownNotBack ?? [],
      foreignChange: recovered?.foreignChange ?? null,
    });
  }
  if (!recovered)
    return `Nothing to recover for ${functionName}: no journal of an interrupted run.`;
  return `Recovered ${functionName}: ${recovered.restored ? "$LATEST is as it was found" : (recovered.foreignChange ?? "$LATEST differs from the journal")}; deleted versions: ${recovered.deletedVersions.join(", ") || "none"}.`;
}
