/**
 * The one place the Lambda tuning target maps SDK errors: a 412 (a RevisionId that moved)
 * becomes ConcurrentChangeError, the rest AwsError naming the action (toAwsError). Each call
 * says which error names it expects instead (e.g. ResourceNotFoundException on a delete).
 */
import type { LambdaClient } from "@aws-sdk/client-lambda";
import { ConcurrentChangeError } from "../core/tuning/ports.js";
import { accountFromMessage } from "./arn.js";
import { toAwsError } from "./errors.js";

/** An SDK error as the calls look at it. */
export type SdkError = { name?: string; message?: string } | undefined;
/** What a call does with an error it expects: a value to return, or undefined to fail. */
export type Expected<T> = (error: SdkError) => { value: T } | undefined;

/** `notFound(undefined)`: a missing resource is the answer, not a failure. */
export const notFound =
  <T>(value: T): Expected<T> =>
  (error) =>
    error?.name === "ResourceNotFoundException" ? { value } : undefined;

/** One function's client and the error mapping every call on it shares. */
export class LambdaFunctionCalls {
  /** Set from the first GetFunction, so later errors name the account. */
  accountId: string | undefined;

  constructor(
    readonly client: LambdaClient,
    readonly name: string,
    readonly region: string,
  ) {}

  /** The error to throw for a failed `action` on `resource` (the function by default). */
  fail(error: unknown, action: string, resource = `function ${this.name}`): Error {
    if ((error as SdkError)?.name === "PreconditionFailedException") {
      return new ConcurrentChangeError(
        `${this.name} was changed by someone else while tune was working on it (${action} saw a new RevisionId).`,
        { cause: error },
      );
    }
    return toAwsError(error, {
      action,
      region: this.region,
      resource,
      accountId: this.accountId ?? accountFromMessage(error),
    });
  }

  /**
   * Runs one SDK call on the function (or `resource`, e.g. "name:3"); an error leaves mapped, or
   * as `expected` turns it into a value.
   */
  async call<T>(
    action: string,
    run: () => Promise<T>,
    { resource = this.name, expected }: { resource?: string; expected?: Expected<T> } = {},
  ): Promise<T> {
    try {
      return await run();
    } catch (error) {
      const handled = expected?.(error as SdkError);
      if (handled) return handled.value;
      throw this.fail(error, action, `function ${resource}`);
    }
  }
}
