/**
 * TuningTarget over @aws-sdk/client-lambda. Retries are the SDK's own standard strategy (more
 * attempts than the default, because restoring a function must survive a throttling storm);
 * waits are the SDK's V2 waiters (lambda-waiters.ts). Every call goes through one
 * LambdaFunctionCalls (lambda-function-calls.ts), the one place that maps SDK errors; versions
 * and aliases are in lambda-version-calls.ts and lambda-alias-calls.ts, code in
 * lambda-code-target.ts.
 */
import {
  type FunctionConfiguration,
  GetFunctionCommand,
  InvokeCommand,
  LambdaClient,
  UpdateFunctionConfigurationCommand,
  waitUntilFunctionActiveV2,
  waitUntilFunctionUpdatedV2,
} from "@aws-sdk/client-lambda";
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
import { type AwsConnection, sdkClientConfig } from "./connection.js";
import { countThrottles, isThrottle, normalizeConfig, toSnapshot } from "./function-snapshot.js";
import * as aliases from "./lambda-alias-calls.js";
import { createLambdaCodeTarget } from "./lambda-code-target.js";
import { LambdaFunctionCalls } from "./lambda-function-calls.js";
import * as versions from "./lambda-version-calls.js";
import { DEFAULT_WAITER, LambdaWaiter, type WaiterTiming } from "./lambda-waiters.js";

export type { WaiterTiming } from "./lambda-waiters.js";

export interface LambdaTuningTargetOptions {
  /** A connection (the adapter builds its client) or a ready LambdaClient. */
  connection?: AwsConnection | undefined;
  client?: LambdaClient | undefined;
  region?: string | undefined;
  functionName: string;
  waiter?: Partial<WaiterTiming> | undefined;
}

/** Attempts per call for tune (the SDK default is 3): a restore must outlast a throttling storm. */
export const TUNE_MAX_ATTEMPTS = 8;

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
  private readonly name: string;
  private readonly calls: LambdaFunctionCalls;
  private readonly waiter: LambdaWaiter;
  private throttles = 0;

  constructor(options: LambdaTuningTargetOptions) {
    this.client =
      options.client ??
      new LambdaClient({
        ...sdkClientConfig(options.connection ?? { region: options.region ?? "us-east-1" }),
        maxAttempts: options.connection?.maxAttempts ?? TUNE_MAX_ATTEMPTS,
      });
    this.region = options.region ?? options.connection?.region ?? "us-east-1";
    this.name = options.functionName;
    this.calls = new LambdaFunctionCalls(this.client, this.name, this.region);
    this.waiter = new LambdaWaiter(this.client, this.name, {
      ...DEFAULT_WAITER,
      ...options.waiter,
    });
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
      fail: (error, action, resource) => this.calls.fail(error, action, resource),
    });
  }

  /** UpdateFunctionCode, the code download, layers, images, S3 staging (tune --arch). */
  readonly code: CodeTarget;

  readonly snapshot = async (options?: CallOptions): Promise<FunctionSnapshot> => {
    const out = await this.calls.call("lambda:GetFunction", () =>
      this.client.send(new GetFunctionCommand({ FunctionName: this.name }), options),
    );
    const snap = toSnapshot(out.Configuration ?? {}, this.region);
    snap.code = { location: out.Code?.Location, imageUri: out.Code?.ImageUri };
    this.calls.accountId = snap.accountId;
    return snap;
  };

  readonly waitForUpdate = async (options?: CallOptions): Promise<FunctionSnapshot> => {
    const FunctionName = this.name;
    let current = await this.snapshot(options);
    if (current.state === "Pending") {
      await this.waiter.wait("become Active", () =>
        waitUntilFunctionActiveV2(this.waiter.params(options), { FunctionName }),
      );
      current = await this.snapshot(options);
    }
    if (current.lastUpdateStatus !== "InProgress") return current;
    const result = await this.waiter.wait("finish its update", () =>
      waitUntilFunctionUpdatedV2(this.waiter.params(options), { FunctionName }),
    );
    return toSnapshot(result.reason?.Configuration ?? {}, this.region);
  };

  readonly setMemory = async (
    memoryMb: number,
    expectedRevisionId: string,
    options?: CallOptions,
  ): Promise<FunctionSnapshot> => {
    const updated: FunctionConfiguration = await this.calls.call(
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

  readonly invoke = async (
    version: string,
    payload: string,
    options?: CallOptions,
  ): Promise<RawInvocation> => {
    const out = await this.calls.call(
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

  readonly publishVersion = (
    expectedRevisionId: string,
    description: string,
    options?: CallOptions,
  ): Promise<PublishedVersion> =>
    versions.publishVersion(this.calls, this.waiter, expectedRevisionId, description, options);

  readonly versionsDescribedAs = (description: string): Promise<string[]> =>
    versions.versionsDescribedAs(this.calls, description);

  readonly deleteVersion = (version: string): Promise<void> =>
    versions.deleteVersion(this.calls, version);

  readonly getAlias = (aliasName: string): Promise<AliasView | undefined> =>
    aliases.getAlias(this.calls, aliasName);

  readonly pointAlias = (aliasName: string, version: string, existing?: AliasView) =>
    aliases.pointAlias(this.calls, aliasName, version, existing);

  readonly createMarkerAlias = (aliasName: string, description: string) =>
    aliases.createMarkerAlias(this.calls, aliasName, description);

  readonly deleteAlias = (aliasName: string): Promise<void> =>
    aliases.deleteAlias(this.calls, aliasName);

  readonly throttleCount = (): number => this.throttles;
}
