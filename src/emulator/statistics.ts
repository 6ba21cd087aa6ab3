/** CloudWatch statistics over a period's samples: Sum, Average, Minimum, Maximum, SampleCount, pNN. */
import type { Bucket } from "./metric-bucket.js";

const PERCENTILE = /^p(\d{1,2}(\.\d{1,10})?|100)$/;

export function isSupportedStat(stat: string): boolean {
  return (
    ["Sum", "Average", "Minimum", "Maximum", "SampleCount"].includes(stat) || PERCENTILE.test(stat)
  );
}

export function statistic(bucket: Bucket, stat: string): number | undefined {
  if (bucket.count === 0) return undefined;
  switch (stat) {
    case "Sum":
      return bucket.sum;
    case "Average":
      return bucket.sum / bucket.count;
    case "Minimum":
      return bucket.min;
    case "Maximum":
      return bucket.max;
    case "SampleCount":
      return bucket.count;
    default:
      return percentile(bucket, Number(stat.slice(1)) / 100);
  }
}

/**
 * Exact (nearest rank) over live samples. Over history, each hour's calls are taken as
 * log-normal around the hour's mean with the function's spread, and the quantile of a
 * log-normal is its mean × exp(−σ²/2 + σz): so the period's pNN is that factor × its average.
 */
function percentile(bucket: Bucket, p: number): number {
  const liveCount = bucket.values.length;
  let live = 0;
  if (liveCount > 0) {
    const sorted = [...bucket.values].sort((a, b) => a - b);
    live = sorted[Math.min(liveCount - 1, Math.max(0, Math.ceil(p * liveCount) - 1))]!;
  }
  if (bucket.historyCount === 0) return live;
  const z = inverseNormal(Math.min(Math.max(p, 1e-6), 1 - 1e-6));
  const sigma2 = Math.log(1 + bucket.historyCv * bucket.historyCv);
  const history =
    (bucket.historySum / bucket.historyCount) * Math.exp(-sigma2 / 2 + Math.sqrt(sigma2) * z);
  return (history * bucket.historyCount + live * liveCount) / (bucket.historyCount + liveCount);
}

/** Acklam's rational approximation of the standard normal quantile (|error| < 1.2e-9). */
export function inverseNormal(p: number): number {
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
    2.506628277459239,
  ];
  const b = [
    -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972,
    -13.28068155288572,
  ];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734,
    4.374664141464968, 2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const low = 0.02425;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (
      (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) /
      ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1)
    );
  }
  if (p > 1 - low) return -inverseNormal(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) /
    (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1)
  );
}
