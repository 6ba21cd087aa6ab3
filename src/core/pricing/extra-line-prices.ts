/**
 * The price-table blocks for the lines beyond requests and duration (SnapStart, response
 * streaming, Lambda@Edge, event pollers, tenant isolation, durable functions, CloudWatch Logs
 * ingestion, storage and Logs Insights): their raw shape as pricing/lambda.schema.json
 * guarantees it, the checks the schema cannot express, and the conversion to Decimals. Each block is null where the table has no verified
 * price for the region; pricing that line there is a PricingDataError (see requireLinePrices).
 */
import { type Decimal, dec } from "../money/index.js";
import { checkContiguousTiers } from "./contiguous-tiers.js";
import type {
  DurablePrices,
  EdgePrices,
  EventPollerPrices,
  LogClassPrices,
  LogPrices,
  PerArchitecturePrice,
  RegionPrices,
  SnapStartPrices,
} from "./types.js";

interface RawSourced {
  sources: string[];
  asOf: string;
}
type RawPerArchitecture = RawSourced & {
  perGb: { x86_64: string | null; arm64: string | null };
};
interface RawLogClass {
  ingestionTiers: Array<{ fromGb: string; toGb: string | null; pricePerGb: string }>;
  storagePerGbMonth: string;
}

/** The region fields added for these lines, exactly as in pricing/lambda.json. */
export interface RawExtraLinePrices {
  snapStart: (RawSourced & { cachePerGbSecond: string; restorePerGb: string }) | null;
  responseStreaming: RawPerArchitecture | null;
  edge: (RawSourced & { requestPrice: string; pricePerGbSecond: string }) | null;
  eventPollers: (RawSourced & { kafkaPerEpuHour: string; sqsPerEpuHour: string }) | null;
  tenantIsolation: RawPerArchitecture | null;
  durable:
    | (RawSourced & { perOperation: string; writtenPerGb: string; retainedPerGbMonth: string })
    | null;
  logs:
    | (RawSourced & {
        standard: RawLogClass;
        infrequentAccess: RawLogClass;
        insightsPerGbScanned: string;
      })
    | null;
}

const orNull = (text: string | null): Decimal | null => (text === null ? null : dec(text));
const sourced = (raw: RawSourced) => ({ sources: raw.sources, asOf: raw.asOf });

/** Log tiers must start at 0, touch each other, and end open, like the duration tiers. */
function checkLogTiers(raw: RawLogClass, path: string): void {
  const tiers = raw.ingestionTiers.map((tier) => ({ from: tier.fromGb, to: tier.toGb }));
  checkContiguousTiers(tiers, `${path}.ingestionTiers`, "Gb");
}

/**
 * Checks beyond the schema; `path` names the region, e.g. `regions.us-east-1`.
 *
 * @example
 * // a gap between Standard tiers 1 and 2:
 * checkExtraLinePrices(rawRegion, "regions.us-east-1");
 * // throws PricingDataError: … regions.us-east-1.logs.standard.ingestionTiers[1].fromGb must be 10240 …
 */
export function checkExtraLinePrices(raw: RawExtraLinePrices, path: string): void {
  if (raw.logs) {
    checkLogTiers(raw.logs.standard, `${path}.logs.standard`);
    checkLogTiers(raw.logs.infrequentAccess, `${path}.logs.infrequentAccess`);
  }
}

function perArchitecture(raw: RawPerArchitecture): PerArchitecturePrice {
  return {
    perGb: { x86_64: orNull(raw.perGb.x86_64), arm64: orNull(raw.perGb.arm64) },
    ...sourced(raw),
  };
}

function logClass(raw: RawLogClass): LogClassPrices {
  return {
    ingestionTiers: raw.ingestionTiers.map((tier) => ({
      fromGb: dec(tier.fromGb),
      toGb: orNull(tier.toGb),
      pricePerGb: dec(tier.pricePerGb),
    })),
    storagePerGbMonth: dec(raw.storagePerGbMonth),
  };
}

/**
 * The blocks as Decimals (the RegionPrices fields of the same names).
 *
 * @example
 * toExtraLinePrices(rawUsEast1).snapStart?.restorePerGb.toFixed(); // "0.0001397998"
 * toExtraLinePrices(rawEuWest1).snapStart; // null: no verified price there
 */
export function toExtraLinePrices(
  raw: RawExtraLinePrices,
): Pick<
  RegionPrices,
  | "snapStart"
  | "responseStreaming"
  | "edge"
  | "eventPollers"
  | "tenantIsolation"
  | "durable"
  | "logs"
> {
  const { snapStart: s, edge: e, eventPollers: p, durable: d, logs: l } = raw;
  const snapStart: SnapStartPrices | null = s && {
    cachePerGbSecond: dec(s.cachePerGbSecond),
    restorePerGb: dec(s.restorePerGb),
    ...sourced(s),
  };
  const edge: EdgePrices | null = e && {
    requestPrice: dec(e.requestPrice),
    pricePerGbSecond: dec(e.pricePerGbSecond),
    ...sourced(e),
  };
  const eventPollers: EventPollerPrices | null = p && {
    perEpuHour: { kafka: dec(p.kafkaPerEpuHour), sqs: dec(p.sqsPerEpuHour) },
    ...sourced(p),
  };
  const durable: DurablePrices | null = d && {
    perOperation: dec(d.perOperation),
    writtenPerGb: dec(d.writtenPerGb),
    retainedPerGbMonth: dec(d.retainedPerGbMonth),
    ...sourced(d),
  };
  const logs: LogPrices | null = l && {
    classes: { standard: logClass(l.standard), infrequentAccess: logClass(l.infrequentAccess) },
    insightsPerGbScanned: dec(l.insightsPerGbScanned),
    ...sourced(l),
  };
  return {
    snapStart,
    responseStreaming: raw.responseStreaming && perArchitecture(raw.responseStreaming),
    edge,
    eventPollers,
    tenantIsolation: raw.tenantIsolation && perArchitecture(raw.tenantIsolation),
    durable,
    logs,
  };
}
