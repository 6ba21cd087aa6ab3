/**
 * TuningTarget over @aws-sdk/client-lambda. Retries are the SDK's own standard strategy (more
 * attempts than the default, because restoring a function must survive a throttling storm);
 * waits are the SDK's V2 waiters (they poll GetFunction); errors leave through toAwsError.
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
  ConcurrentChangeError,
  configDifferences,
  type FunctionSnapshot,
  type PublishedVersion,
  type RawInvocation,
  ThrottledError,
  type TuningTarget,
} from "../core/tuning/ports.js";
import { type AwsConnection, sdkClientConfig } from "./connection.js";
import { toAwsError } from "./errors.js";
import {
  accountFromMessage,
  countThrottles,
  isThrottle,
  normalizeConfig,
  toSnapshot,
} from "./function-snapshot.js";

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
export function createLambdaTuningTarget(options: LambdaTuningTargetOptions): TuningTarget {
  const client =
    options.client ??
    new LambdaClient({
      ...sdkClientConfig(options.connection ?? { region: options.region ?? "us-east-1" }),
      maxAttempts: options.connection?.maxAttempts ?? TUNE_MAX_ATTEMPTS,
    });
  const region = options.region ?? options.connection?.region ?? "us-east-1";
  const timing = { ...DEFAULT_WAITER, ...options.waiter };
  const name = options.functionName;
  let throttles = 0;
  let accountId: string | undefined;

  countThrottles(client, () => {
    throttles += 1;
  });

  const fail = (error: unknown, action: string, resource = name) => {
    if ((error as { name?: string })?.name === "PreconditionFailedException") {
      return new ConcurrentChangeError(
        `${name} was changed by someone else while tune was working on it (${action} saw a new RevisionId).`,
        { cause: error },
      );
    }
    return toAwsError(error, {
      action,
      region,
      resource: `function ${resource}`,
      accountId: accountId ?? accountFromMessage(error),
    });
  };
  const waiterParams = (options?: CallOptions) => ({
    client,
    minDelay: timing.minDelaySeconds,
    maxDelay: timing.maxDelaySeconds,
    maxWaitTime: timing.maxWaitSeconds,
    abortSignal: options?.abortSignal,
  });

  async function snapshot(options?: CallOptions): Promise<FunctionSnapshot> {
    try {
      const out = await client.send(new GetFunctionCommand({ FunctionName: name }), options);
      const snap = toSnapshot(out.Configuration ?? {}, region);
      accountId = snap.accountId;
      return snap;
    } catch (error) {
      throw fail(error, "lambda:GetFunction");
    }
  }

  async function waitForUpdate(options?: CallOptions): Promise<FunctionSnapshot> {
    let current = await snapshot(options);
    if (current.state === "Pending") {
      try {
        await waitUntilFunctionActiveV2(waiterParams(options), { FunctionName: name });
      } catch (error) {
        throw waitFailure(error, "become Active");
      }
      current = await snapshot(options);
    }
    if (current.lastUpdateStatus !== "InProgress") return current;
    try {
      const result = await waitUntilFunctionUpdatedV2(waiterParams(options), {
        FunctionName: name,
      });
      return toSnapshot(result.reason?.Configuration ?? {}, region);
    } catch (error) {
      throw waitFailure(error, "finish its update");
    }
  }

  function waitFailure(error: unknown, what: string): Error {
    const state = (error as { state?: string })?.state;
    if (state === "TIMEOUT" || /timed? ?out/i.test(String((error as Error)?.message))) {
      return new AwsError(
        `${name} did not ${what} within ${timing.maxWaitSeconds} s; nothing more was changed.`,
        { cause: error, action: "lambda:GetFunction" },
      );
    }
    if (state === "ABORTED") return error instanceof Error ? error : new Error(String(error));
    return new AwsError(`${name} did not ${what}: ${(error as Error)?.message ?? error}`, {
      cause: error,
      action: "lambda:GetFunction",
    });
  }

  return {
    region,
    snapshot,
    waitForUpdate,
    async setMemory(memoryMb, expectedRevisionId, options) {
      let updated: FunctionConfiguration;
      try {
        updated = await client.send(
          new UpdateFunctionConfigurationCommand({
            FunctionName: name,
            MemorySize: memoryMb,
            RevisionId: expectedRevisionId,
          }),
          options,
        );
      } catch (error) {
        throw fail(error, "lambda:UpdateFunctionConfiguration");
      }
      const after = await waitForUpdate(options);
      // The finished update must be ours: same configuration as our update returned. Anything
      // else (a deploy that landed between our update and its completion) is someone else's.
      const ours = normalizeConfig(updated);
      const differs = configDifferences(ours, after.configuration);
      if (differs.length > 0 || after.memoryMb !== memoryMb) {
        throw new ConcurrentChangeError(
          `${name} was changed by someone else while tune was working on it (${differs.join(", ") || "MemorySize"} changed).`,
        );
      }
      return after;
    },
    async publishVersion(expectedRevisionId, description, options): Promise<PublishedVersion> {
      let out: FunctionConfiguration;
      try {
        out = await client.send(
          new PublishVersionCommand({
            FunctionName: name,
            RevisionId: expectedRevisionId,
            Description: description,
          }),
          options,
        );
      } catch (error) {
        throw fail(error, "lambda:PublishVersion");
      }
      const version = out.Version ?? "";
      if (!/^\d+$/.test(version)) {
        throw new AwsError(`PublishVersion returned no version number for ${name}.`);
      }
      if (out.State && out.State !== "Active") {
        try {
          await waitUntilPublishedVersionActive(waiterParams(options), {
            FunctionName: name,
            Qualifier: version,
          });
        } catch (error) {
          throw waitFailure(error, `make version ${version} Active`);
        }
      }
      // Lambda hands back the existing version when nothing changed since the last publish; that
      // version keeps its own description, so ours marks exactly the versions this run created.
      return { version, created: out.Description === description, memoryMb: out.MemorySize ?? 0 };
    },
    async invoke(version, payload, options): Promise<RawInvocation> {
      try {
        const out = await client.send(
          new InvokeCommand({
            FunctionName: name,
            Qualifier: version,
            LogType: "Tail",
            Payload: new TextEncoder().encode(payload),
          }),
          options,
        );
        return {
          statusCode: out.StatusCode ?? 0,
          functionError: out.FunctionError,
          logResultBase64: out.LogResult,
          executedVersion: out.ExecutedVersion,
          payloadText: out.Payload ? new TextDecoder().decode(out.Payload) : "",
        };
      } catch (error) {
        if (isThrottle(error)) {
          throw new ThrottledError(`invoking ${name}:${version} was throttled`, { cause: error });
        }
        throw fail(error, "lambda:InvokeFunction", `${name}:${version}`);
      }
    },
    async versionsDescribedAs(description) {
      const found: string[] = [];
      try {
        for await (const page of paginateListVersionsByFunction(
          { client },
          { FunctionName: name },
        )) {
          for (const v of page.Versions ?? []) {
            if (v.Description === description && v.Version && /^\d+$/.test(v.Version))
              found.push(v.Version);
          }
        }
      } catch (error) {
        throw fail(error, "lambda:ListVersionsByFunction");
      }
      return found;
    },
    async deleteVersion(version) {
      // Never $LATEST, never an alias: only a published version number.
      if (!/^\d+$/.test(version)) throw new Error(`refusing to delete qualifier "${version}"`);
      try {
        await client.send(new DeleteFunctionCommand({ FunctionName: name, Qualifier: version }));
      } catch (error) {
        if ((error as { name?: string })?.name === "ResourceNotFoundException") return;
        throw fail(error, "lambda:DeleteFunction", `${name}:${version}`);
      }
    },
    async getAlias(aliasName): Promise<AliasView | undefined> {
      try {
        const out = await client.send(new GetAliasCommand({ FunctionName: name, Name: aliasName }));
        return {
          name: out.Name ?? aliasName,
          functionVersion: out.FunctionVersion ?? "",
          revisionId: out.RevisionId ?? "",
          weighted: Object.keys(out.RoutingConfig?.AdditionalVersionWeights ?? {}).length > 0,
          description: out.Description,
        };
      } catch (error) {
        if ((error as { name?: string })?.name === "ResourceNotFoundException") return undefined;
        throw fail(error, "lambda:GetAlias", `${name}:${aliasName}`);
      }
    },
    async pointAlias(aliasName, version, existing) {
      try {
        if (existing) {
          await client.send(
            new UpdateAliasCommand({
              FunctionName: name,
              Name: aliasName,
              FunctionVersion: version,
              RevisionId: existing.revisionId || undefined,
            }),
          );
        } else {
          await client.send(
            new CreateAliasCommand({
              FunctionName: name,
              Name: aliasName,
              FunctionVersion: version,
            }),
          );
        }
      } catch (error) {
        throw fail(error, existing ? "lambda:UpdateAlias" : "lambda:CreateAlias");
      }
    },
    async createMarkerAlias(aliasName, description) {
      try {
        await client.send(
          new CreateAliasCommand({
            FunctionName: name,
            Name: aliasName,
            FunctionVersion: "$LATEST",
            Description: description,
          }),
        );
        return "created";
      } catch (error) {
        // "Alias already exists: …" (ResourceConflictException is also "update in progress").
        const e = error as { name?: string; message?: string };
        if (e?.name === "ResourceConflictException" && /exist/i.test(e.message ?? "")) {
          return "exists";
        }
        throw fail(error, "lambda:CreateAlias", `${name}:${aliasName}`);
      }
    },
    async deleteAlias(aliasName) {
      try {
        await client.send(new DeleteAliasCommand({ FunctionName: name, Name: aliasName }));
      } catch (error) {
        if ((error as { name?: string })?.name === "ResourceNotFoundException") return;
        throw fail(error, "lambda:DeleteAlias", `${name}:${aliasName}`);
      }
    },
    throttleCount: () => throttles,
  };
}
