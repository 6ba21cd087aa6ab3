/**
 * The words of the race's stop reasons (racing.ts): what stopped it and what it recommends. The
 * stop line is the user's account of why `--invocations auto` spent what it spent, so each
 * names the size recommended, the model it rests on, and margins as people write them.
 */
import type { Decision } from "./equivalence.js";
import { type ModelDecision, modelName } from "./model-decision.js";
import type { RankedSize } from "./rank.js";

/** Why a cost race stopped on the expected loss (expected-loss.ts), naming an equivalent pick. */
export function lossReason(
  decision: Decision,
  loss: number,
  limit: number,
  byModel: ModelDecision | null,
): string {
  const open = decision.open.map((r) => `${r.summary.memoryMb} MB`).join(", ");
  const verb = decision.open.length === 1 ? "is" : "are";
  const percent = (x: number) => `${(x * 100).toFixed(2)}%`;
  const basis = byModel ? ` (from ${modelName(byModel.fit)} fitted across the sizes measured)` : "";
  const pick = decision.pick === decision.leader ? "" : `; ${equivalentPick(decision, "best")}`;
  return `${decision.leader.summary.memoryMb} MB leads ${open}, which ${verb} not told apart from it; the expected loss of picking it is ${percent(loss)} of its cost, under ${percent(limit)}${basis}${pick}`;
}

/** A pick that is not the leader: the cheapest of the sizes equivalent to it. */
function equivalentPick(decision: Decision, leader: "best" | "fastest"): string {
  return `recommending the cheapest of the sizes equivalent to the ${leader} within ±${marginPercent(decision)}, ${decision.pick.summary.memoryMb} MB`;
}

/** The margin as people write it: 0.07 → "7%", 0.035 → "3.5%" (not 7.000000000000001%). */
function marginPercent(decision: Decision): string {
  return `${Number((decision.margin * 100).toFixed(4))}%`;
}

/** What a race stopped at its settle point recommends, and why. */
function settledPick(decision: Decision, speed: boolean): string {
  const mb = `${decision.pick.summary.memoryMb} MB`;
  if (decision.largerNotToldApart) {
    return `recommending the largest, ${mb}: duration never grows with memory`;
  }
  if (decision.pick !== decision.leader)
    return equivalentPick(decision, speed ? "fastest" : "best");
  return speed ? `recommending the fastest, ${mb}` : "recommending the best measured";
}

/** Why a race stopped with nothing open: separated, equivalent, or the only size left. */
export function settledReason(decision: Decision, byModel: ModelDecision | null): string {
  const basis = byModel ? `, from ${modelName(byModel.fit)} fitted across the sizes measured` : "";
  const mb = (r: RankedSize) => `${r.summary.memoryMb} MB`;
  if (decision.equivalent.length + decision.out.length === 0) {
    return `${mb(decision.leader)} is the only eligible size`;
  }
  if (decision.equivalent.length === 0) {
    return `${mb(decision.leader)} is separated from every other size${basis}`;
  }
  const group = [decision.leader, ...decision.equivalent]
    .sort((a, b) => a.summary.memoryMb - b.summary.memoryMb)
    .map(mb)
    .join(", ");
  return `${group} are equivalent within ±${marginPercent(decision)} (95% interval of the difference${basis}); recommending the cheapest, ${mb(decision.pick)}`;
}

/** Why a race the model decided stopped at its settle point, and what it recommends. */
export function modelSettledReason(
  decision: ModelDecision,
  racing: readonly RankedSize[],
  settleAtWithModel: number,
): string {
  const sizes = racing.map((r) => `${r.summary.memoryMb} MB`).join(", ");
  const pick =
    decision.pick === decision.leader
      ? `recommending the cheapest by the model, ${decision.pick.summary.memoryMb} MB`
      : equivalentPick(decision, "best");
  return `${sizes} are still not told apart with ${settleAtWithModel} or more invocations each on average, spent where they best pin the differences of ${modelName(decision.fit)} (the model fits the sizes measured); ${pick}`;
}

/** Why a race stopped with its sizes still racing at the settle point (per-size comparison). */
export function settlePointReason(
  decision: Decision,
  racing: readonly RankedSize[],
  settleAt: number,
  model: ModelDecision | null,
  speed: boolean,
): string {
  const basis = model
    ? `${modelName(model.fit)} fits the sizes measured`
    : "the CPU-scaling model does not fit the sizes measured";
  const sizes = racing.map((r) => `${r.summary.memoryMb} MB`).join(", ");
  return `${sizes} have ${settleAt} invocations each and are still not told apart (${basis}); ${settledPick(decision, speed)}`;
}
