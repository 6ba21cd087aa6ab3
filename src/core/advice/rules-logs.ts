/**
 * Log rules, priced with CloudWatch Logs' standard-class rates of the function's region:
 * storage of a group that never expires, and ingestion that costs more than the compute.
 */
import { Decimal, dec, ZERO } from "../money/index.js";
import type { RuleContext } from "./context.js";
import { BYTES_PER_GB, durationRate, gbSeconds, gbText, monthlyFactor, usd } from "./rates.js";
import type { FunctionEvidence, Recommendation } from "./types.js";

/** The retention suggested: a month of logs stays searchable. */
export const SUGGESTED_RETENTION_DAYS = 30;

function gb(bytes: number | Decimal): Decimal {
  return dec(bytes).div(BYTES_PER_GB);
}

/**
 * A group that never expires and holds data. With 30 days' retention it would keep about 30
 * days of what the function logs now (from the window's message bytes); the saving is the
 * storage of the rest. Without the window's bytes, the rest is all of it (the upper bound).
 */
export function setLogRetention(
  fn: FunctionEvidence,
  ctx: RuleContext,
): Recommendation | undefined {
  const group = fn.logGroup;
  const rates = ctx.logsRates;
  if (!group || !rates || group.retentionDays !== undefined || group.storedBytes <= 0) {
    return undefined;
  }
  const storageCost = gb(group.storedBytes).times(rates.storagePerGbMonth);
  const daily =
    fn.reports && !group.shared ? dec(fn.reports.messageBytes).div(ctx.window.days) : undefined;
  const kept = daily ? Decimal.min(daily.times(SUGGESTED_RETENTION_DAYS), group.storedBytes) : ZERO;
  const saving = gb(dec(group.storedBytes).minus(kept)).times(rates.storagePerGbMonth);
  return {
    kind: "set-log-retention",
    functionName: fn.functionName,
    region: fn.region,
    evidence: `log group ${group.name} never expires: ${gbText(group.storedBytes)} stored, ${usd(storageCost)} a month${daily ? `; ${SUGGESTED_RETENTION_DAYS} days of logs at the window's rate are ${gbText(kept.toNumber())}` : ""}`,
    monthlySaving: daily ? { lower: saving, upper: saving } : { lower: ZERO, upper: saving },
    nextStep: `aws logs put-retention-policy --region ${fn.region} --log-group-name ${group.name} --retention-in-days ${SUGGESTED_RETENTION_DAYS}`,
  };
}

/**
 * Log ingestion a month above the function's duration cost a month (both at tier-1 rates). The
 * saving runs from 0 (the logs are needed) to the excess over the duration cost (logging cut
 * back to cost no more than the compute).
 */
export function logsCost(fn: FunctionEvidence, ctx: RuleContext): Recommendation | undefined {
  const rates = ctx.logsRates;
  if (!rates || !fn.reports || fn.logGroup?.shared || fn.reports.messageBytes <= 0) {
    return undefined;
  }
  const factor = monthlyFactor(ctx.window);
  const ingestion = gb(fn.reports.messageBytes).times(factor).times(rates.ingestionPerGb);
  const duration = gbSeconds(fn.metrics.durationMsSum, fn.memoryMb)
    .times(factor)
    .times(durationRate(ctx.table, fn.region, fn.architecture));
  if (!ingestion.gt(duration)) return undefined;
  return {
    kind: "logs-cost",
    functionName: fn.functionName,
    region: fn.region,
    evidence: `${gbText(fn.reports.messageBytes)} of log messages in ${ctx.window.days} days: ingestion ${usd(ingestion)} a month against ${usd(duration)} of duration`,
    monthlySaving: { lower: ZERO, upper: ingestion.minus(duration) },
    nextStep: `log less: raise the log level (aws lambda update-function-configuration --region ${fn.region} --function-name ${fn.functionName} --logging-config LogFormat=JSON,ApplicationLogLevel=WARN,SystemLogLevel=WARN) or drop debug output`,
  };
}
