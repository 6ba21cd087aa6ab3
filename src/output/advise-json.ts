/**
 * The advice result as JSON, the pinned contract: `{"recommendations": [{kind, function,
 * region, evidence, monthlySaving: {lower, upper}, nextStep}], "summary": {…}}`. Dollars are
 * JSON numbers rounded half up to 6 places (they derive from CloudWatch's float sums).
 */
import type { AdviceResult } from "../core/advice/types.js";
import { stringifyExact } from "./exact-json.js";

export const ADVISE_JSON_USD_PLACES = 6;

export function adviseJsonModel(result: AdviceResult) {
  const { summary } = result;
  return {
    recommendations: result.recommendations.map((r) => ({
      kind: r.kind,
      function: r.functionName,
      region: r.region,
      evidence: r.evidence,
      monthlySaving: { lower: r.monthlySaving.lower, upper: r.monthlySaving.upper },
      nextStep: r.nextStep,
    })),
    summary: {
      window: {
        start: result.window.start.toISOString(),
        end: result.window.end.toISOString(),
        days: result.window.days,
      },
      regions: result.regions,
      functionsScanned: summary.functionsScanned,
      functionsBelowMinInvocations: summary.functionsBelowMinInvocations,
      recommendationsByKind: summary.recommendationsByKind,
      totalMonthlySaving: summary.totalMonthlySaving,
      scan: {
        bytesScanned: summary.scan.bytesScanned,
        queries: summary.scan.queries,
        cost: summary.scan.cost,
      },
      failures: result.failures,
      notes: result.notes,
      priceTableAsOf: result.priceTableAsOf,
    },
  };
}

/** Two-space indented, with a final newline. */
export function renderAdviseJson(result: AdviceResult): string {
  return `${stringifyExact(adviseJsonModel(result), { places: ADVISE_JSON_USD_PLACES })}\n`;
}
