/**
 * The SDK's V2 waiters (they poll GetFunction) for the tuning target, with one wording for a
 * wait that timed out or failed: what the function did not do, and that nothing more changed.
 */
import type { LambdaClient } from "@aws-sdk/client-lambda";
import { AwsError } from "../core/errors.js";
import type { CallOptions } from "../core/tuning/ports.js";

/** How long and how often to poll while an update settles (seconds, as the SDK waiters take). */
export interface WaiterTiming {
  minDelaySeconds: number;
  maxDelaySeconds: number;
  maxWaitSeconds: number;
}

export const DEFAULT_WAITER: WaiterTiming = {
  minDelaySeconds: 1,
  maxDelaySeconds: 5,
  maxWaitSeconds: 300,
};

export class LambdaWaiter {
  constructor(
    private readonly client: LambdaClient,
    private readonly name: string,
    readonly timing: WaiterTiming,
  ) {}

  /** What an SDK waiter takes as its first argument. */
  params(options?: CallOptions) {
    return {
      client: this.client,
      minDelay: this.timing.minDelaySeconds,
      maxDelay: this.timing.maxDelaySeconds,
      maxWaitTime: this.timing.maxWaitSeconds,
      abortSignal: options?.abortSignal,
    };
  }

  /** Runs one SDK waiter; a timeout or failure says what did not happen. */
  async wait<T>(what: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      const state = (error as { state?: string })?.state;
      if (state === "TIMEOUT" || /timed? ?out/i.test(String((error as Error)?.message))) {
        throw new AwsError(
          `${this.name} did not ${what} within ${this.timing.maxWaitSeconds} s; nothing more was changed.`,
          { cause: error, action: "lambda:GetFunction" },
        );
      }
      if (state === "ABORTED") throw error instanceof Error ? error : new Error(String(error));
      throw new AwsError(`${this.name} did not ${what}: ${(error as Error)?.message ?? error}`, {
        cause: error,
        action: "lambda:GetFunction",
      });
    }
  }
}
