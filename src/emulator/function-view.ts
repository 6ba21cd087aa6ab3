/** Renders functions, versions and aliases as the Lambda API returns them. */
import type { AliasRecord, ConfigSnapshot, FunctionRecord } from "./function-record.js";
import { runtimeVersionArn } from "./runtime-version.js";
import type { EmulatorState } from "./state.js";

/** Lambda's LastModified format: `2026-11-26T08:36:20.000+0000`. */
export function lambdaTimestamp(ms: number): string {
  return new Date(ms).toISOString().replace("Z", "+0000");
}

export interface ViewOptions {
  /** ListFunctions omits State*, LastUpdateStatus* and RuntimeVersionConfig (aws-wire.md §1.1). */
  forList?: boolean;
}

/** FunctionConfiguration for $LATEST (version undefined) or a published version. */
export function functionConfiguration(
  state: EmulatorState,
  fn: FunctionRecord,
  version: string | undefined,
  options: ViewOptions = {},
): Record<string, unknown> {
  const published = version === undefined ? undefined : fn.versions.get(version);
  const config: ConfigSnapshot = published?.config ?? fn.latest;
  const inProgress = published === undefined && state.updating(fn);
  const zip = config.packageType === "Zip";
  const view: Record<string, unknown> = {
    FunctionName: fn.name,
    FunctionArn: state.functionArn(fn.region, fn.name, published ? published.version : undefined),
    // An image brings its own runtime and entry point: Lambda reports neither.
    ...(zip ? { Runtime: config.runtime } : {}),
    Role: `arn:aws:iam::${state.config.accountId}:role/${fn.name}-role`,
    ...(zip ? { Handler: config.handler } : {}),
    CodeSize: codeSizeOf(fn, config),
    Description: config.description,
    Timeout: config.timeout,
    MemorySize: config.memorySize,
    LastModified: lambdaTimestamp(published?.lastModifiedMs ?? fn.latestLastModifiedMs),
    CodeSha256: config.codeSha256,
    Version: published ? published.version : "$LATEST",
    ...(config.environment ? { Environment: { Variables: config.environment } } : {}),
    TracingConfig: { Mode: "PassThrough" },
    RevisionId: published?.revisionId ?? fn.latestRevisionId,
    PackageType: config.packageType,
    ...(config.layers.length > 0
      ? { Layers: config.layers.map((arn) => ({ Arn: arn, CodeSize: 4096 })) }
      : {}),
    Architectures: [config.architecture],
    EphemeralStorage: { Size: config.ephemeralStorage },
    SnapStart: { ApplyOn: "None", OptimizationStatus: "Off" },
    LoggingConfig: {
      LogFormat: config.logFormat,
      ...(config.applicationLogLevel ? { ApplicationLogLevel: config.applicationLogLevel } : {}),
      ...(config.systemLogLevel ? { SystemLogLevel: config.systemLogLevel } : {}),
      LogGroup: config.logGroup,
    },
  };
  if (!options.forList) {
    view.State = "Active";
    view.LastUpdateStatus = inProgress ? "InProgress" : "Successful";
    if (fn.spec.packageType !== "Image") {
      view.RuntimeVersionConfig = {
        RuntimeVersionArn: runtimeVersionArn(fn.region, config.runtime),
      };
    }
  }
  return view;
}

/** The zip's size in bytes; 0 for an image (Lambda reports none for images). */
export function codeSizeOf(fn: FunctionRecord, config: ConfigSnapshot): number {
  return fn.code.get(config.codeSha256)?.length ?? 0;
}

export function aliasConfiguration(
  state: EmulatorState,
  fn: FunctionRecord,
  alias: AliasRecord,
): Record<string, unknown> {
  return {
    AliasArn: state.functionArn(fn.region, fn.name, alias.name),
    Name: alias.name,
    FunctionVersion: alias.functionVersion,
    Description: alias.description,
    ...(Object.keys(alias.weights).length > 0
      ? { RoutingConfig: { AdditionalVersionWeights: alias.weights } }
      : {}),
    RevisionId: alias.revisionId,
  };
}
