/**
 * TuningTarget over @aws-sdk/client-lambda. Retries are the SDK's own standard strategy (more
 * attempts than the default, because restoring a function must survive a throttling storm);
 * waits are the SDK's V2 waiters (they poll GetFunction). Every call goes through `call`, the
 * one place that maps SDK errors: a 412 becomes ConcurrentChangeError, the rest AwsError naming
 * the action (toAwsError), and each method says which error names it expects instead.
 */
import {
  CreateAliasCommand,
  DeleteAliasCommand,
  DeleteFunctionCommand,
  type FunctionConfiguration,
  GetAliasCommand,
  GetFunctionCommand,
  InvokeCommand,
  LambdaClient,
  PublishVersionCommand,
  paginateListVersionsByFunction,
  UpdateAliasCommand,
  UpdateFunctionConfigurationCommand,
  waitUntilFunctionActiveV2,
  waitUntilFunctionUpdatedV2,
  waitUntilPublishedVersionActive,
} from "@aws-sdk/client-lambda";
import { AwsError } from "../core/errors.js";
import {
  type AliasView,
  type CallOptions,
  type CodeTarget,
  ConcurrentChangeError,
  configDifferences,
  type FunctionSnapshot,
  type PublishedVersion,
  type RawInvocation,
  ThrottledError,
  type TuningTarget,
} from "../core/tuning/ports.js";
import { accountFromMessage } from "./arn.js";
import { type AwsConnection, sdkClientConfig } from "./connection.js";
import { toAwsError } from "./errors.js";
import { countThrottles, isThrottle, normalizeConfig, toSnapshot } from "./function-snapshot.js";
import { createLambdaCodeTarget } from "./lambda-code-target.js";

/** How long and how often to poll while an update settles (seconds, as the SDK waiters take). */
export interface WaiterTiming {
  minDelaySeconds: number;
  maxDelaySeconds: number;
  maxWaitSeconds: number;
}

export interface LambdaTuningTargetOptions {
  /** A connection (the adapter builds its client) or a ready LambdaClient. */
  connection?: AwsConnection | undefined;
  client?: LambdaClient | undefined;
  region?: string | undefined;
  functionName: string;
  waiter?: Partial<WaiterTiming> | undefined;
}

const DEFAULT_WAITER: WaiterTiming = {
  minDelaySeconds: 1,
  maxDelaySeconds: 5,
  maxWaitSeconds: 300,
};
/** Attempts per call for tune (the SDK default is 3): a restore must outlast a throttling storm. */
export const TUNE_MAX_ATTEMPTS = 8;
/** An SDK error as the methods below look at it. */
type SdkError = { name?: string; message?: string } | undefined;
/** What a method does with an error it expects: a value to return, or undefined to fail. */
type Expected<T> = (error: SdkError) => { value: T } | undefined;

const notFound =
  <T>(value: T): Expected<T> =>
  (error) =>
    error?.name === "ResourceNotFoundException" ? { value } : undefined;

export function createLambdaTuningTarget(options: LambdaTuningTargetOptions): TuningTarget {
  return new LambdaTuningTarget(options);
}

/**
 * The methods are own properties (arrow functions), not prototype methods: callers treat a
 * TuningTarget as a plain object (`{ ...target, invoke }` wraps one call), as the port allows.
 */
export class LambdaTuningTarget implements TuningTarget {
  readonly region: string;
  private readonly client: LambdaClient;
  private readonly timing: WaiterTiming;
  private readonly name: string;
  private throttles = 0;
  private accountId: string | undefined;

  constructor(options: LambdaTuningTargetOptions) {
    this.client =
      options.client ??
      new LambdaClient({
        ...sdkClientConfig(options.connection ?? { region: options.region ?? "us-east-1" }),
        maxAttempts: options.connection?.maxAttempts ?? TUNE_MAX_ATTEMPTS,
      });
    this.region = options.region ?? options.connection?.region ?? "us-east-1";
    this.timing = { ...DEFAULT_WAITER, ...options.waiter };
    this.name = options.functionName;
    countThrottles(this.client, () => {
      this.throttles += 1;
    });
    this.code = createLambdaCodeTarget({
      client: this.client,
      connection: options.connection,
      region: this.region,
      functionName: this.name,
      snapshot: (o) => this.snapshot(o),
      waitForUpdate: (o) => this.waitForUpdate(o),
      fail: (error, action, resource = this.name) =>
        (error as SdkError)?.name === "PreconditionFailedException"
          ? new ConcurrentChangeError(
              `${this.name} was changed by someone else while tune was working on it (${action} saw a new RevisionId).`,
              { cause: error },
            )
          : toAwsError(error, {
              action,
              region: this.region,
              resource: resource === this.name ? `function ${resource}` : resource,
              accountId: this.accountId ?? accountFromMessage(error),
            }),
    });
  }

  /** UpdateFunctionCode, the code download, layers, images, S3 staging (tune --arch). */
  readonly code: CodeTarget;

  /** Runs one SDK call; an error leaves mapped (or as `expected` turns it into a value). */
  private async call<T>(
    action: string,
    run: () => Promise<T>,
    { resource = this.name, expected }: { resource?: string; expected?: Expected<T> } = {},
  ): Promise<T> {
    try {
      return await run();
    } catch (error) {
      const handled = expected?.(error as SdkError);
      if (handled) return handled.value;
      if ((error as SdkError)?.name === "PreconditionFailedException") {
        throw new ConcurrentChangeError(
          `${this.name} was changed by someone else while tune was working on it (${action} saw a new RevisionId).`,
          { cause: error },
        );
      }
      throw toAwsError(error, {
        action,
        region: this.region,
        resource: `function ${resource}`,
        accountId: this.accountId ?? accountFromMessage(error),
      });
    }
  }

  private waiterParams(options?: CallOptions) {
    return {
      client: this.client,
      minDelay: this.timing.minDelaySeconds,
      maxDelay: this.timing.maxDelaySeconds,
      maxWaitTime: this.timing.maxWaitSeconds,
      abortSignal: options?.abortSignal,
    };
  }

  /** Runs one SDK waiter; a timeout or failure says what did not happen. */
  private async wait<T>(what: string, run: () => Promise<T>): Promise<T> {
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

  readonly snapshot = async (options?: CallOptions): Promise<FunctionSnapshot> => {
    const out = await this.call("lambda:GetFunction", () =>
      this.client.send(new GetFunctionCommand({ FunctionName: this.name }), options),
    );
    const snap = toSnapshot(out.Configuration ?? {}, this.region);
    snap.code = { location: out.Code?.Location, imageUri: out.Code?.ImageUri };
    this.accountId = snap.accountId;
    return snap;
  };

  readonly waitForUpdate = async (options?: CallOptions): Promise<FunctionSnapshot> => {
    const FunctionName = this.name;
    let current = await this.snapshot(options);
    if (current.state === "Pending") {
      await this.wait("become Active", () =>
        waitUntilFunctionActiveV2(this.waiterParams(options), { FunctionName }),
      );
      current = await this.snapshot(options);
    }
    if (current.lastUpdateStatus !== "InProgress") return current;
    const result = await this.wait("finish its update", () =>
      waitUntilFunctionUpdatedV2(this.waiterParams(options), { FunctionName }),
    );
    return toSnapshot(result.reason?.Configuration ?? {}, this.region);
  };

  readonly setMemory = async (
    memoryMb: number,
    expectedRevisionId: string,
    options?: CallOptions,
  ): Promise<FunctionSnapshot> => {
    const updated: FunctionConfiguration = await this.call(
      "lambda:UpdateFunctionConfiguration",
      () =>
        this.client.send(
          new UpdateFunctionConfigurationCommand({
            FunctionName: this.name,
            MemorySize: memoryMb,
            RevisionId: expectedRevisionId,
          }),
          options,
        ),
    );
    const after = await this.waitForUpdate(options);
    // The finished update must be ours: same configuration as our update returned. Anything
    // else (a deploy that landed between our update and its completion) is someone else's.
    const differs = configDifferences(normalizeConfig(updated), after.configuration);
    if (differs.length > 0 || after.memoryMb !== memoryMb) {
      throw new ConcurrentChangeError(
        `${this.name} was changed by someone else while tune was working on it (${differs.join(", ") || "MemorySize"} changed).`,
      );
    }
    return after;
  };

  readonly publishVersion = async (
    expectedRevisionId: string,
    description: string,
    options?: CallOptions,
  ): Promise<PublishedVersion> => {
    const out: FunctionConfiguration = await this.call("lambda:PublishVersion", () =>
      this.client.send(
        new PublishVersionCommand({
          FunctionName: this.name,
          RevisionId: expectedRevisionId,
          Description: description,
        }),
        options,
      ),
    );
    const version = out.Version ?? "";
    if (!/^\d+$/.test(version)) {
      throw new AwsError(`PublishVersion returned no version number for ${this.name}.`);
    }
    if (out.State && out.State !== "Active") {
      await this.wait(`make version ${version} Active`, () =>
        waitUntilPublishedVersionActive(this.waiterParams(options), {
          FunctionName: this.name,
          Qualifier: version,
        }),
      );
    }
    // Lambda hands back the existing version when nothing changed since the last publish; that
    // version keeps its own description, so ours marks exactly the versions this run created.
    return { version, created: out.Description === description, memoryMb: out.MemorySize ?? 0 };
  };

  readonly invoke = async (
    version: string,
    payload: string,
    options?: CallOptions,
  ): Promise<RawInvocation> => {
    const out = await this.call(
      "lambda:InvokeFunction",
      () =>
        this.client.send(
          new InvokeCommand({
            FunctionName: this.name,
            Qualifier: version,
            LogType: "Tail",
            Payload: new TextEncoder().encode(payload),
          }),
          options,
        ),
      {
        resource: `${this.name}:${version}`,
        expected: (error) => {
          if (!isThrottle(error)) return undefined;
          throw new ThrottledError(`invoking ${this.name}:${version} was throttled`, {
            cause: error,
          });
        },
      },
    );
    return {
      statusCode: out.StatusCode ?? 0,
      functionError: out.FunctionError,
      logResultBase64: out.LogResult,
      executedVersion: out.ExecutedVersion,
      payloadText: out.Payload ? new TextDecoder().decode(out.Payload) : "",
    };
  };

  readonly versionsDescribedAs = async (description: string): Promise<string[]> => {
    return this.call("lambda:ListVersionsByFunction", async () => {
      const found: string[] = [];
      const pages = paginateListVersionsByFunction(
        { client: this.client },
        { FunctionName: this.name },
      );
      for await (const page of pages) {
        for (const v of page.Versions ?? []) {
          if (v.Description === description && v.Version && /^\d+$/.test(v.Version))
            found.push(v.Version);
        }
      }
      return found;
    });
  };

  readonly deleteVersion = async (version: string): Promise<void> => {
    // Never $LATEST, never an alias: only a published version number.
    if (!/^\d+$/.test(version)) throw new Error(`refusing to delete qualifier "${version}"`);
    await this.call(
      "lambda:DeleteFunction",
      async () => {
        await this.client.send(
          new DeleteFunctionCommand({ FunctionName: this.name, Qualifier: version }),
        );
      },
      { resource: `${this.name}:${version}`, expected: notFound(undefined) },
    );
  };

  readonly getAlias = async (aliasName: string): Promise<AliasView | undefined> => {
    return this.call(
      "lambda:GetAlias",
      async () => {
        const out = await this.client.send(
          new GetAliasCommand({ FunctionName: this.name, Name: aliasName }),
        );
        return {
          name: out.Name ?? aliasName,
          functionVersion: out.FunctionVersion ?? "",
          revisionId: out.RevisionId ?? "",
          weighted: Object.keys(out.RoutingConfig?.AdditionalVersionWeights ?? {}).length > 0,
          description: out.Description,
        };
      },
      { resource: `${this.name}:${aliasName}`, expected: notFound(undefined) },
    );
  };

  readonly pointAlias = async (
    aliasName: string,
    version: string,
    existing?: AliasView,
  ): Promise<void> => {
    const alias = { FunctionName: this.name, Name: aliasName, FunctionVersion: version };
    await this.call(existing ? "lambda:UpdateAlias" : "lambda:CreateAlias", async () => {
      if (existing) {
        const RevisionId = existing.revisionId || undefined;
        await this.client.send(new UpdateAliasCommand({ ...alias, RevisionId }));
      } else await this.client.send(new CreateAliasCommand(alias));
    });
  };

  readonly createMarkerAlias = async (
    aliasName: string,
    description: string,
  ): Promise<"created" | "exists"> => {
    return this.call(
      "lambda:CreateAlias",
      async () => {
        await this.client.send(
          new CreateAliasCommand({
            FunctionName: this.name,
            Name: aliasName,
            FunctionVersion: "$LATEST",
            Description: description,
          }),
        );
        return "created" as const;
      },
      {
        resource: `${this.name}:${aliasName}`,
        // "Alias already exists: …" (ResourceConflictException is also "update in progress").
        expected: (error) =>
          error?.name === "ResourceConflictException" && /exist/i.test(error.message ?? "")
            ? { value: "exists" as const }
            : undefined,
      },
    );
  };

  readonly deleteAlias = async (aliasName: string): Promise<void> => {
    await this.call(
      "lambda:DeleteAlias",
      async () => {
        await this.client.send(
          new DeleteAliasCommand({ FunctionName: this.name, Name: aliasName }),
        );
      },
      { resource: `${this.name}:${aliasName}`, expected: notFound(undefined) },
    );
  };

  readonly throttleCount = (): number => this.throttles;
}
