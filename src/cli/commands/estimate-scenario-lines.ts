/**
 * The scenario-file fields of the billing lines beyond requests and duration (issue #11; the
 * names are pinned): per function `runtime`, `snapStart`, `streaming`, `edge`,
 * `tenantIsolation`, `durable`, `managedInstances`, `logs`; at the top `eventPollers` and
 * `streamingFreeGiB`. Shapes are checked by the schemas here; every number goes through the
 * same parsers as the flags (../parse.ts), and the pricing core checks the combinations.
 */
import * as z from "zod/mini";
import { UsageError } from "../../core/errors.js";
import {
  EXTRA_LINE_LIMITS as L,
  LAMBDA_LIMITS,
  type LimitRange,
} from "../../core/lambda-limits.js";
import type { AccountUsage, StreamingResponseGroup } from "../../core/pricing/extra-usage.js";
import type { FunctionUsage } from "../../core/pricing/types.js";
import { fraction, integerInRange, numberIn, parseCount } from "../parse.js";

/** A count in a file: a number, or text the flag parser reads ("3M"). */
export const count = z.union([z.number(), z.string()], {
  error: 'must be a count: a whole number or text such as "3M", "500k"',
});
const num = z.number({ error: "must be a number" });

/**
 * Runs a flag parser on a file value (a number as its text, so `0.5` requests and `1e300` meet
 * the same rules as on the command line), turning its complaint into one naming the field.
 */
export function convert(
  value: number | string,
  parse: (raw: string) => number,
  where: string,
): number {
  try {
    return parse(String(value));
  } catch (error) {
    throw new UsageError(`${where} ${(error as Error).message}`);
  }
}

const whole = ({ min, max, unit }: LimitRange) => integerInRange(min, max, unit);
const RESPONSE_MB: LimitRange = { min: 0, max: L.responseKb.max / 1024, unit: "MB" };

const responseSize = {
  averageResponseMb: z.optional(num),
  averageResponseKb: z.optional(num),
};

export const functionLineFields = {
  runtime: z.optional(z.string()),
  snapStart: z.optional(
    z.strictObject({
      versions: z.optional(num),
      activeHours: z.optional(num),
      restores: z.optional(count),
      restoreRate: z.optional(num),
    }),
  ),
  streaming: z.optional(
    z.strictObject({
      responses: z.optional(count),
      ...responseSize,
      responseGroups: z.optional(
        z.array(z.strictObject({ responses: count, ...responseSize })).check(z.minLength(1)),
      ),
    }),
  ),
  edge: z.optional(z.boolean()),
  tenantIsolation: z.optional(z.strictObject({ newEnvironments: count })),
  durable: z.optional(
    z.strictObject({
      executions: count,
      operationsPerExecution: num,
      dataWrittenKbPerExecution: num,
      runningDays: z.optional(num),
      retentionDays: z.optional(num),
    }),
  ),
  managedInstances: z.optional(
    z.strictObject({
      instanceType: z.string().check(z.minLength(1)),
      instanceHours: num,
      hourlyUsd: z.optional(num),
    }),
  ),
  logs: z.optional(
    z.strictObject({
      ingestedGb: num,
      logClass: z.optional(z.enum(["standard", "infrequentAccess"])),
      storedGb: z.optional(num),
    }),
  ),
};

export const accountLineFields = {
  eventPollers: z.optional(
    z.array(z.strictObject({ source: z.enum(["kafka", "sqs"]), epuHours: num })),
  ),
  streamingFreeGiB: z.optional(num),
};

type FunctionLines = z.infer<z.ZodMiniObject<typeof functionLineFields>>;
type AccountLines = z.infer<z.ZodMiniObject<typeof accountLineFields>>;

/** One size in KB (KiB) from `averageResponseMb` or `averageResponseKb`, exactly one given. */
function responseKb(
  group: { averageResponseMb?: number | undefined; averageResponseKb?: number | undefined },
  at: string,
): number {
  const { averageResponseMb: mb, averageResponseKb: kb } = group;
  if ((mb === undefined) === (kb === undefined)) {
    throw new UsageError(`${at} needs exactly one of averageResponseMb or averageResponseKb`);
  }
  return mb !== undefined
    ? convert(mb, numberIn(RESPONSE_MB), `${at}.averageResponseMb`) * 1024
    : convert(kb as number, numberIn(L.responseKb), `${at}.averageResponseKb`);
}

function streamingGroups(
  streaming: NonNullable<FunctionLines["streaming"]>,
  at: string,
  requests: number,
): StreamingResponseGroup[] {
  const single =
    streaming.responses !== undefined ||
    streaming.averageResponseMb !== undefined ||
    streaming.averageResponseKb !== undefined;
  if (single === (streaming.responseGroups !== undefined)) {
    throw new UsageError(
      `${at} needs either responses with averageResponseMb (or averageResponseKb), or responseGroups`,
    );
  }
  if (streaming.responseGroups) {
    return streaming.responseGroups.map((group, i) => ({
      responses: convert(group.responses, parseCount, `${at}.responseGroups[${i}].responses`),
      averageResponseKb: responseKb(group, `${at}.responseGroups[${i}]`),
    }));
  }
  const responses =
    streaming.responses === undefined
      ? requests
      : convert(streaming.responses, parseCount, `${at}.responses`);
  return [{ responses, averageResponseKb: responseKb(streaming, at) }];
}

/**
 * The extra-line fields of one function as FunctionUsage fields; `at(field)` names a field
 * for messages, `requests` is the function's on-demand invocations (the default responses).
 */
export function toLineUsage(
  fn: FunctionLines,
  at: (field: string) => string,
  requests: number,
): Partial<FunctionUsage> {
  const usage: Partial<FunctionUsage> = {};
  if (fn.runtime !== undefined) usage.runtime = fn.runtime;
  if (fn.edge !== undefined) usage.edge = fn.edge;
  const { snapStart: s, streaming, tenantIsolation: t, durable: d, managedInstances: m, logs } = fn;
  if (s) {
    if ((s.restores === undefined) === (s.restoreRate === undefined)) {
      throw new UsageError(`${at("snapStart")} needs exactly one of restores or restoreRate`);
    }
    usage.snapStart = {
      versions:
        s.versions === undefined
          ? 1
          : convert(s.versions, whole(L.snapStartVersions), `${at("snapStart")}.versions`),
      activeHours:
        s.activeHours === undefined
          ? 730
          : convert(
              s.activeHours,
              numberIn(LAMBDA_LIMITS.hoursPerMonth),
              `${at("snapStart")}.activeHours`,
            ),
      ...(s.restores === undefined
        ? {}
        : { restores: convert(s.restores, parseCount, `${at("snapStart")}.restores`) }),
      ...(s.restoreRate === undefined
        ? {}
        : {
            restoreRate: convert(
              s.restoreRate,
              fraction({ allowZero: true }),
              `${at("snapStart")}.restoreRate`,
            ),
          }),
    };
  }
  if (streaming)
    usage.streaming = { responseGroups: streamingGroups(streaming, at("streaming"), requests) };
  if (t)
    usage.tenantIsolation = {
      newEnvironments: convert(
        t.newEnvironments,
        parseCount,
        `${at("tenantIsolation")}.newEnvironments`,
      ),
    };
  if (d) {
    const where = at("durable");
    usage.durable = {
      executions: convert(d.executions, parseCount, `${where}.executions`),
      operationsPerExecution: convert(
        d.operationsPerExecution,
        whole(L.durableOperationsPerExecution),
        `${where}.operationsPerExecution`,
      ),
      dataWrittenKbPerExecution: convert(
        d.dataWrittenKbPerExecution,
        numberIn(L.durableDataKbPerExecution),
        `${where}.dataWrittenKbPerExecution`,
      ),
      runningDays:
        d.runningDays === undefined
          ? 0
          : convert(d.runningDays, numberIn(L.durableRunningDays), `${where}.runningDays`),
      retentionDays:
        d.retentionDays === undefined
          ? 14
          : convert(d.retentionDays, numberIn(L.durableRetentionDays), `${where}.retentionDays`),
    };
  }
  if (m) {
    const where = at("managedInstances");
    usage.managedInstances = {
      instanceType: m.instanceType,
      instanceHours: convert(m.instanceHours, numberIn(L.instanceHours), `${where}.instanceHours`),
      ...(m.hourlyUsd === undefined
        ? {}
        : { hourlyUsd: convert(m.hourlyUsd, numberIn(L.hourlyUsd), `${where}.hourlyUsd`) }),
    };
  }
  if (logs) {
    const where = at("logs");
    usage.logs = {
      ingestedGb: convert(logs.ingestedGb, numberIn(L.logsGb), `${where}.ingestedGb`),
      logClass: logs.logClass ?? "standard",
      storedGb:
        logs.storedGb === undefined
          ? 0
          : convert(logs.storedGb, numberIn(L.logsGb), `${where}.storedGb`),
    };
  }
  return usage;
}

/** The top-level fields as the account usage; event pollers are in the default region. */
export function toAccountUsage(data: AccountLines, file: string, region: string): AccountUsage {
  const where = `--scenario ${file}:`;
  return {
    eventPollers: (data.eventPollers ?? []).map((poller, i) => ({
      region,
      source: poller.source,
      epuHours: convert(
        poller.epuHours,
        numberIn(L.epuHours),
        `${where} eventPollers[${i}].epuHours`,
      ),
    })),
    ...(data.streamingFreeGiB === undefined
      ? {}
      : {
          streamingFreeGib: convert(
            data.streamingFreeGiB,
            numberIn(L.streamingFreeGib),
            `${where} streamingFreeGiB`,
          ),
        }),
  };
}
