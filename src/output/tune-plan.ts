/** Renders the `--dry-run` plan: what tune would change, and what the run would roughly cost. */

import { formatUsd } from "../core/money/index.js";
import type { TunePlan } from "../core/tuning/run-outcome.js";
import { toCsv } from "./csv.js";
import { stringifyExact } from "./exact-json.js";
import type { OutputFormat } from "./format.js";

/** `html` never reaches here (tune-action.ts refuses it with --dry-run); it would print as table. */
export function renderPlan(plan: TunePlan, format: OutputFormat): string {
  if (format === "json") {
    // Same money convention as tune's JSON: exact decimal digits as bare JSON numbers.
    return stringifyExact({
      dryRun: true,
      function: plan.functionName,
      region: plan.region,
      account: plan.accountId,
      architecture: plan.architecture,
      originalMemoryMb: plan.originalMemoryMb,
      sizes: plan.sizesMb,
      invocations: plan.invocations,
      changes: plan.changes,
      estimatedTuningCost: {
        guess: plan.estimatedTuningCost.guess,
        worstCase: plan.estimatedTuningCost.worstCase,
        assumption: plan.estimatedTuningCost.assumption,
      },
    });
  }
  if (format === "csv") {
    const rows = [["step", "change"], ...plan.changes.map((change, i) => [String(i + 1), change])];
    return toCsv(rows, { quoted: true }).trimEnd();
  }
  const { invocations: inv, estimatedTuningCost: cost } = plan;
  return [
    `Dry run: nothing was changed. Plan for ${plan.functionName} (${plan.region}, account ${plan.accountId || "?"}, ${plan.architecture}, now ${plan.originalMemoryMb} MB)`,
    `Sizes: ${plan.sizesMb.map((s) => `${s} MB`).join(", ")}`,
    `Invocations: ${inv.mode === "fixed" ? `${inv.perSize} per size, ${inv.total} in all` : `adaptive, at most ${inv.total} in all`}`,
    "It would:",
    ...plan.changes.map((change, i) => `  ${i + 1}. ${change}`),
    `Estimated cost of the tuning run: about ${formatUsd(cost.guess, 4)} (at most ${formatUsd(cost.worstCase, 4)})`,
    `  assuming ${cost.assumption}.`,
  ].join("\n");
}
