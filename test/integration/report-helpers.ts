/**
 * Shared set-up for the report's integration tests: the emulator with seeded history, and a
 * connection for the real SDK pointing at it.
 */
import type { AwsConnection } from "../../src/aws/connection.js";
import { type StartEmulatorInput, startEmulator } from "../../src/emulator/http-server.js";
import type { EmulatedFunctionConfig, EmulatorHandle } from "../../src/emulator/types.js";
import { zeroDelayRetries } from "./zero-delay-retries.js";

export const ACCOUNT_ID = "111122223333";
/** The emulator's clock: mid-November 2026, so October 2026 is the last complete month. */
export const EMULATOR_NOW = Date.parse("2026-11-15T00:00:00Z");

export type FunctionInput = Partial<EmulatedFunctionConfig> & { name: string };

export async function startReportEmulator(
  functions: FunctionInput[],
  extra: Partial<StartEmulatorInput["config"]> = {},
  now: number = EMULATOR_NOW,
): Promise<EmulatorHandle> {
  return startEmulator({
    config: { seed: 7, accountId: ACCOUNT_ID, ...extra, functions },
    now: () => now,
  });
}

export function connectionTo(
  emulator: EmulatorHandle,
  maxAttempts = 3,
): Omit<AwsConnection, "region"> {
  return {
    endpointUrl: emulator.endpoint,
    credentials: { accessKeyId: "test", secretAccessKey: "test" },
    maxAttempts,
    retryStrategy: zeroDelayRetries(maxAttempts),
  };
}

/** Requests the emulator served for one IAM action. */
export function callsOf(emulator: EmulatorHandle, action: string, region?: string) {
  return emulator
    .requests()
    .filter((r) => r.action === action && (region === undefined || r.region === region));
}

/** `count` functions named fn-0000 … with a month of history each. */
export function manyFunctions(count: number, month = "2026-10"): FunctionInput[] {
  return Array.from({ length: count }, (_, i) => ({
    name: `fn-${String(i).padStart(5, "0")}`,
    memorySize: 128 + (i % 8) * 128,
    architecture: i % 2 === 0 ? ("x86_64" as const) : ("arm64" as const),
    history: [{ month, invocationsPerDay: 100 + i, avgDurationMs: 20 }],
  }));
}
