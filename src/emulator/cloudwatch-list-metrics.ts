/** CloudWatch ListMetrics: series with data in the past two weeks (or 3 hours), 500 a page. */
import { type Body, decodeToken } from "./cloudwatch-metric-data.js";
import type { EmulatorState } from "./state.js";

const LIST_PAGE = 500;
const TWO_WEEKS_MS = 14 * 86_400_000;

export function listMetrics(state: EmulatorState, region: string, body: Body): unknown {
  const now = state.now();
  const since = body.RecentlyActive === "PT3H" ? now - 3 * 3_600_000 : now - TWO_WEEKS_MS;
  const wantDims = (body.Dimensions ?? []) as Array<{ Name: string; Value?: string }>;
  const namespaceOk = body.Namespace === undefined || body.Namespace === "AWS/Lambda";
  const all = state.metrics
    .listSeries(since, now + 1)
    .filter((s) => namespaceOk && s.region === region)
    .filter((s) => body.MetricName === undefined || body.MetricName === s.metric)
    .filter((s) =>
      wantDims.every((w) =>
        w.Name === "FunctionName"
          ? w.Value === undefined || w.Value === s.functionName
          : w.Name === "Resource" &&
            s.resource !== undefined &&
            (w.Value === undefined || w.Value === s.resource),
      ),
    )
    .map((s) => ({ key: `${s.functionName}\u0000${s.resource ?? ""}\u0000${s.metric}`, s }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map(({ s }) => s);
  const offset = decodeToken(body.NextToken);
  const items = all.slice(offset, offset + LIST_PAGE).map((s) => ({
    Namespace: "AWS/Lambda",
    MetricName: s.metric,
    Dimensions: [
      { Name: "FunctionName", Value: s.functionName },
      ...(s.resource !== undefined ? [{ Name: "Resource", Value: s.resource }] : []),
    ],
  }));
  return {
    Metrics: items,
    ...(offset + LIST_PAGE < all.length
      ? { NextToken: Buffer.from(`p:${offset + LIST_PAGE}`).toString("base64url") }
      : {}),
  };
}
