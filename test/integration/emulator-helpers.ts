/**
 * Starts an emulator on port 0 and builds real SDK clients pointed at it: `maxAttempts` attempts
 * with the SDK's standard retry rules, without its real backoff (zero-delay-retries.ts).
 */
import { CloudWatchClient } from "@aws-sdk/client-cloudwatch";
import { LambdaClient } from "@aws-sdk/client-lambda";
import { type EmulatorConfigInput, startEmulator } from "../../src/emulator/http-server.js";
import type { EmulatorHandle } from "../../src/emulator/types.js";
import { zeroDelayRetries } from "./zero-delay-retries.js";

export const CREDENTIALS = { accessKeyId: "x", secretAccessKey: "y" };

export interface Harness {
  emulator: EmulatorHandle;
  /** `sdkBackoff`: the SDK's own waits (Retry-After, backoff), for a test of that behaviour. */
  lambda(region?: string, maxAttempts?: number, sdkBackoff?: boolean): LambdaClient;
  cloudwatch(region?: string, maxAttempts?: number): CloudWatchClient;
  close(): Promise<void>;
}

export async function startHarness(
  config: EmulatorConfigInput,
  options: { now?: () => number } = {},
): Promise<Harness> {
  const emulator = await startEmulator({ config, now: options.now });
  const clients: Array<{ destroy(): void }> = [];
  const track = <T extends { destroy(): void }>(client: T): T => {
    clients.push(client);
    return client;
  };
  return {
    emulator,
    lambda: (region = "us-east-1", maxAttempts = 1, sdkBackoff = false) =>
      track(
        new LambdaClient({
          region,
          endpoint: emulator.endpoint,
          credentials: CREDENTIALS,
          maxAttempts,
          ...(sdkBackoff ? {} : { retryStrategy: zeroDelayRetries(maxAttempts) }),
        }),
      ),
    cloudwatch: (region = "us-east-1", maxAttempts = 1) =>
      track(
        new CloudWatchClient({
          region,
          endpoint: emulator.endpoint,
          credentials: CREDENTIALS,
          maxAttempts,
          retryStrategy: zeroDelayRetries(maxAttempts),
        }),
      ),
    async close() {
      for (const client of clients) client.destroy();
      await emulator.close();
    },
  };
}

/** The decoded log tail of an Invoke response. */
export function tail(logResult: string | undefined): string {
  return Buffer.from(logResult ?? "", "base64").toString("utf8");
}

/** Fields of the text REPORT line. */
export function reportFields(log: string): Record<string, string> {
  const line = log.split("\n").find((l) => l.startsWith("REPORT "));
  if (!line) throw new Error(`no REPORT line in:\n${log}`);
  return Object.fromEntries(
    line
      .split("\t")
      .filter((part) => part.includes(": "))
      .map((part) => {
        const [key, value] = part.split(": ") as [string, string];
        return [key.replace(/^REPORT /, ""), value.replace(/ (ms|MB)$/, "")];
      }),
  );
}

/** A clock tests can move. */
export function manualClock(startIso: string): { now: () => number; advance(ms: number): void } {
  let t = Date.parse(startIso);
  return {
    now: () => t,
    advance(ms: number) {
      t += ms;
    },
  };
}
