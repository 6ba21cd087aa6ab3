/**
 * Provisioned concurrency rules. PC is billed for what is configured, every hour it is enabled,
 * whether used or not; these rules price the allocation (not the PC-duration of invocations).
 */
import { type Decimal, formatCount } from "../money/index.js";
import type { RuleContext } from "./context.js";
import { provisionedMonthlyCost, usd } from "./rates.js";
import type { FunctionEvidence, Recommendation } from "./types.js";

/** Utilisation below which PC is reduced, and the utilisation the reduced amount aims at. */
export const PC_LOW_UTILIZATION = 0.6;
export const PC_TARGET_UTILIZATION = 0.8;
/** Spillover above this share of PC invocations means PC is too small. */
export const PC_SPILLOVER_SHARE = 0.01;

function allocation(fn: FunctionEvidence, ctx: RuleContext, amount: number): Decimal {
  return provisionedMonthlyCost(ctx.table, fn.region, fn.architecture, fn.memoryMb, amount);
}

/** PC configured and not one invocation in the window: the whole allocation is waste. */
export function removeIdleProvisioned(
  fn: FunctionEvidence,
  ctx: RuleContext,
): Recommendation | undefined {
  const configured = fn.provisioned.reduce((total, pc) => total + pc.configured, 0);
  if (configured === 0 || !fn.metrics.invocations.isZero()) return undefined;
  const saving = allocation(fn, ctx, configured);
  const configs = fn.provisioned.map((pc) => `${pc.qualifier}: ${pc.configured}`).join(", ");
  return {
    kind: "remove-idle-provisioned-concurrency",
    functionName: fn.functionName,
    region: fn.region,
    evidence: `provisioned concurrency ${configs} (${fn.memoryMb} MB) and 0 invocations in ${ctx.window.days} days; the allocation costs ${usd(saving)} a month`,
    monthlySaving: { lower: saving, upper: saving },
    nextStep: fn.provisioned
      .map(
        (pc) =>
          `aws lambda delete-provisioned-concurrency-config --region ${fn.region} --function-name ${fn.functionName} --qualifier ${pc.qualifier}`,
      )
      .join("; "),
  };
}

/**
 * A configuration whose peak utilisation stayed below 60 %: keep enough for that peak at 80 %,
 * max(1, ceil(configured × maxUtilization / 0.8)), and save the allocation of the difference.
 */
export function reduceProvisioned(fn: FunctionEvidence, ctx: RuleContext): Recommendation[] {
  const out: Recommendation[] = [];
  for (const pc of fn.provisioned) {
    const peak = pc.maxUtilization;
    if (peak === undefined || peak >= PC_LOW_UTILIZATION || pc.configured === 0) continue;
    const suggested = Math.max(1, Math.ceil((pc.configured * peak) / PC_TARGET_UTILIZATION));
    if (suggested >= pc.configured) continue;
    const saving = allocation(fn, ctx, pc.configured - suggested);
    out.push({
      kind: "reduce-provisioned-concurrency",
      functionName: fn.functionName,
      region: fn.region,
      evidence: `${pc.qualifier}: ${pc.configured} provisioned, peak utilisation ${percent(peak)} in ${ctx.window.days} days; ${suggested} would run that peak at ≤ 80 %`,
      monthlySaving: { lower: saving, upper: saving },
      nextStep: putCommand(fn, pc.qualifier, suggested),
    });
  }
  return out;
}

/**
 * Spillover above 1 % of PC invocations: calls that wanted a provisioned environment ran on
 * demand (cold starts PC was bought to avoid). Grow the allocation by the spilled share; the
 * extra allocation is a cost (a negative saving).
 */
export function increaseProvisioned(
  fn: FunctionEvidence,
  ctx: RuleContext,
): Recommendation | undefined {
  const first = fn.provisioned[0];
  const configured = fn.provisioned.reduce((total, pc) => total + pc.configured, 0);
  const { spilloverInvocations: spilled, provisionedInvocations: served } = fn.metrics;
  // No call served by PC at all means callers do not use the provisioned qualifier: more PC
  // would not help (the utilisation rules speak to that allocation).
  if (!first || configured === 0 || served.isZero()) return undefined;
  const share = spilled.div(served);
  if (share.lte(PC_SPILLOVER_SHARE)) return undefined;
  // Enough for the calls that spilled too, assuming they arrive like the served ones.
  const wanted = served.plus(spilled).div(served).times(configured);
  const suggested = Math.max(configured + 1, Math.ceil(wanted.toNumber()));
  const cost = allocation(fn, ctx, suggested - configured).neg();
  return {
    kind: "increase-provisioned-concurrency",
    functionName: fn.functionName,
    region: fn.region,
    evidence: `${formatCount(spilled, 0)} invocations spilled over to on-demand against ${formatCount(served, 0)} served by ${configured} provisioned (${percent(share.toNumber())}) in ${ctx.window.days} days`,
    monthlySaving: { lower: cost, upper: cost },
    nextStep: putCommand(fn, first.qualifier, suggested - configured + first.configured),
  };
}

function putCommand(fn: FunctionEvidence, qualifier: string, amount: number): string {
  return `aws lambda put-provisioned-concurrency-config --region ${fn.region} --function-name ${fn.functionName} --qualifier ${qualifier} --provisioned-concurrent-executions ${amount}`;
}

function percent(share: number): string {
  return `${(Math.round(share * 1000) / 10).toString()} %`;
}
