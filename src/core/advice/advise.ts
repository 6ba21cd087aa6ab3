/**
 * adviseFunctions(): every rule over every function's evidence, ranked, with a summary. Pure:
 * the evidence, prices and window come in; the result model goes out.
 */
import { type Decimal, formatCount, sum, ZERO } from "../money/index.js";
import type { LambdaPriceTable } from "../pricing/types.js";
import type { RuleContext } from "./context.js";
import { insightsPerGbScanned } from "./logs-prices.js";
import { gbSeconds, type LogsRates, monthlyFactor } from "./rates.js";
import { switchToArm64 } from "./rules-architecture.js";
import { logsCost, setLogRetention } from "./rules-logs.js";
import { increaseMemory, reduceMemory } from "./rules-memory.js";
import {
  increaseProvisioned,
  reduceProvisioned,
  removeIdleProvisioned,
} from "./rules-provisioned.js";
import { scanCost } from "./scan.js";
import {
  type AdviceFailure,
  type AdviceResult,
  type AdviceWindow,
  type FunctionEvidence,
  RECOMMENDATION_KINDS,
  type Recommendation,
  type RecommendationKind,
} from "./types.js";

export interface AdviceInput {
  evidence: FunctionEvidence[];
  window: AdviceWindow;
  regions: string[];
  table: LambdaPriceTable;
  /** CloudWatch Logs prices per region (adviceLogsRates); undefined where the table has none. */
  logsRates: (region: string) => LogsRates | undefined;
  freeTier: boolean;
  minInvocations: number;
  /** Bytes the Logs Insights queries scanned, per region, and how many queries ran. */
  scanned: Array<{ region: string; bytes: number; queries: number }>;
  failures: AdviceFailure[];
}

/** The rules one function gets. */
export function recommendFor(fn: FunctionEvidence, ctx: RuleContext): Recommendation[] {
  const out: Recommendation[] = [];
  const idle = removeIdleProvisioned(fn, ctx);
  // Removing the whole allocation replaces trimming it.
  if (idle) out.push(idle);
  else out.push(...reduceProvisioned(fn, ctx));
  const more = increaseProvisioned(fn, ctx);
  if (more) out.push(more);
  if (fn.metrics.invocations.gte(ctx.minInvocations)) {
    for (const rule of [switchToArm64, reduceMemory, increaseMemory]) {
      const found = rule(fn, ctx);
      if (found) out.push(found);
    }
  }
  for (const rule of [setLogRetention, logsCost]) {
    const found = rule(fn, ctx);
    if (found) out.push(found);
  }
  return out;
}

/**
 * @example
 * const result = adviseFunctions({ evidence, window, regions: ["us-east-1"], table,
 *   logsRates: () => undefined, freeTier: false, minInvocations: 50, scanned: [], failures: [] });
 * result.recommendations[0]?.monthlySaving.upper.toFixed(2);
 */
export function adviseFunctions(input: AdviceInput): AdviceResult {
  const factor = monthlyFactor(input.window);
  const accountMonthlyGbSeconds = sum(
    input.evidence.map((fn) => gbSeconds(fn.metrics.durationMsSum, fn.memoryMb).times(factor)),
  );
  const freeTier = {
    accountMonthlyGbSeconds,
    freeGbSeconds: input.freeTier ? input.table.freeTier.gbSecondsPerMonth : ZERO,
  };
  const recommendations = input.evidence.flatMap((fn) =>
    recommendFor(fn, {
      window: input.window,
      table: input.table,
      logsRates: input.logsRates(fn.region),
      freeTier,
      minInvocations: input.minInvocations,
    }),
  );
  recommendations.sort(byUpperSaving);
  const byKind = Object.fromEntries(RECOMMENDATION_KINDS.map((k) => [k, 0])) as Record<
    RecommendationKind,
    number
  >;
  for (const r of recommendations) byKind[r.kind] += 1;
  const scanBytes = input.scanned.reduce((total, s) => total + s.bytes, 0);
  const scanDollars = sum(
    input.scanned.map((s) => {
      const rate = insightsPerGbScanned(input.table, s.region);
      return rate ? scanCost(s.bytes, rate) : ZERO;
    }),
  );
  return {
    window: input.window,
    regions: input.regions,
    recommendations,
    summary: {
      functionsScanned: input.evidence.length,
      functionsBelowMinInvocations: input.evidence.filter((fn) =>
        fn.metrics.invocations.lt(input.minInvocations),
      ).length,
      recommendationsByKind: byKind,
      totalMonthlySaving: {
        lower: sum(recommendations.map((r) => r.monthlySaving.lower)),
        upper: sum(recommendations.map((r) => r.monthlySaving.upper)),
      },
      scan: {
        bytesScanned: scanBytes,
        cost: scanDollars,
        queries: input.scanned.reduce((total, s) => total + s.queries, 0),
      },
    },
    failures: input.failures,
    notes: notes(input, freeTier.accountMonthlyGbSeconds),
    priceTableAsOf: input.table.asOf,
  };
}

/** Largest upper saving first; then kind order, region and function name, so ties are stable. */
function byUpperSaving(a: Recommendation, b: Recommendation): number {
  const bySaving = b.monthlySaving.upper.comparedTo(a.monthlySaving.upper);
  if (bySaving !== 0) return bySaving;
  const byKind = RECOMMENDATION_KINDS.indexOf(a.kind) - RECOMMENDATION_KINDS.indexOf(b.kind);
  if (byKind !== 0) return byKind;
  return `${a.region}/${a.functionName}`.localeCompare(`${b.region}/${b.functionName}`);
}

function notes(input: AdviceInput, accountMonthlyGbSeconds: Decimal): string[] {
  const out = [
    `Savings are USD a month (the ${input.window.days}-day window scaled to 730 hours) at tier-1 rates of each function's region and architecture (price table ${input.table.asOf}); an account in a lower tier saves less.`,
  ];
  if (input.freeTier) {
    out.push(
      `Duration savings count only GB-s above the free tier (${formatCount(input.table.freeTier.gbSecondsPerMonth, 0)} GB-s a month; the scanned functions use ${formatCount(accountMonthlyGbSeconds, 0)}); --no-free-tier if other usage already takes it.`,
    );
  }
  if (input.minInvocations > 0) {
    out.push(
      `Functions with fewer than ${input.minInvocations} invocations in the window get only the provisioned concurrency and log checks.`,
    );
  }
  const missingLogs = input.regions.filter((r) => !input.logsRates(r));
  if (missingLogs.length > 0) {
    out.push(
      `No CloudWatch Logs prices for ${missingLogs.join(", ")} in the price table: log checks skipped there.`,
    );
  }
  return out;
}
