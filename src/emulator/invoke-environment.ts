/** Execution environments (cold, warm, provisioned) and the metrics one invocation records. */
import type { InvocationOutcome } from "./duration-model.js";
import type { Environment, FunctionRecord } from "./function-record.js";
import type { EmulatorState } from "./state.js";

/** The provisioned concurrency that serves this call, if the qualifier has a READY config. */
export function provisionedFor(
  state: EmulatorState,
  fn: FunctionRecord,
  qualifier: string | undefined,
  version: string,
): number {
  const pc = fn.provisioned.get(qualifier ?? "") ?? fn.provisioned.get(version);
  return pc && state.now() >= pc.readyAtMs ? pc.amount : 0;
}

/**
 * A free environment of this version: a provisioned one while fewer than `pc` are busy (always
 * warm: its INIT ran at allocation), else an idle on-demand one, else a new one (cold start).
 */
export function acquireEnvironment(
  state: EmulatorState,
  fn: FunctionRecord,
  version: string,
  pc: number,
): { environment: Environment; cold: boolean } {
  const now = state.now();
  const idleMs = state.environmentIdleMs;
  const pool = (fn.environments.get(version) ?? []).filter(
    (e) => e.provisioned || e.busy || now - e.lastUsedMs <= idleMs,
  );
  fn.environments.set(version, pool);
  const busyProvisioned = pool.filter((e) => e.provisioned && e.busy).length;
  if (busyProvisioned < pc) {
    const free = pool.find((e) => e.provisioned && !e.busy);
    const environment = free ?? { busy: false, lastUsedMs: now, provisioned: true };
    if (!free) pool.push(environment);
    environment.busy = true;
    return { environment, cold: false };
  }
  const idle = pool.find((e) => !e.provisioned && !e.busy);
  if (idle) {
    idle.busy = true;
    return { environment: idle, cold: false };
  }
  const environment = { busy: true, lastUsedMs: now, provisioned: false };
  pool.push(environment);
  return { environment, cold: true };
}

export function recordMetrics(
  state: EmulatorState,
  fn: FunctionRecord,
  qualifier: string | undefined,
  outcome: InvocationOutcome,
  timeMs: number,
  provisioned: boolean,
  pc: number,
): void {
  const resources: Array<string | undefined> = [undefined];
  if (qualifier !== undefined && qualifier !== "$LATEST") resources.push(`${fn.name}:${qualifier}`);
  const concurrency = fn.inFlight;
  for (const resource of resources) {
    const put = (metric: Parameters<typeof state.metrics.record>[3], value: number) =>
      state.metrics.record(fn.region, fn.name, resource, metric, value, timeMs);
    put("Invocations", 1);
    put("Duration", outcome.durationMs);
    put("Errors", outcome.status === "success" ? 0 : 1);
    put("ConcurrentExecutions", concurrency);
    if (provisioned) {
      put("ProvisionedConcurrencyInvocations", 1);
      put("ProvisionedConcurrentExecutions", Math.min(concurrency, pc));
      // Per alias or version only, as Lambda publishes it.
      if (resource !== undefined) {
        put("ProvisionedConcurrencyUtilization", Math.min(concurrency, pc) / pc);
      }
    } else if (pc > 0) {
      put("ProvisionedConcurrencySpilloverInvocations", 1);
    }
  }
}
