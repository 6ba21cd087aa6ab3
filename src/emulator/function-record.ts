/** One emulated function: $LATEST, its published versions, aliases and provisioned concurrency. */
import { createHash } from "node:crypto";
import { codeSha256, syntheticZip } from "./code-package.js";
import { hash32, Rng } from "./rng.js";
import type { EmulatedFunctionConfig } from "./types.js";

/** The mutable part of a function's configuration (what UpdateFunctionConfiguration changes). */
export interface ConfigSnapshot {
  memorySize: number;
  timeout: number;
  ephemeralStorage: number;
  description: string;
  logFormat: "Text" | "JSON";
  applicationLogLevel: string | undefined;
  systemLogLevel: string | undefined;
  logGroup: string;
  environment: Record<string, string> | undefined;
  handler: string;
  runtime: string;
  architecture: "x86_64" | "arm64";
  packageType: "Zip" | "Image";
  /** base64 SHA-256 of the zip; for an image, the image digest's hex (as Lambda reports it). */
  codeSha256: string;
  /** Image functions: the image URI the function was deployed from. */
  imageUri: string | undefined;
  /** Layer version ARNs. */
  layers: string[];
}

export interface VersionRecord {
  version: string;
  config: ConfigSnapshot;
  /** $LATEST as it was when this version was published (to detect "nothing changed"). */
  publishedFrom: ConfigSnapshot;
  revisionId: string;
  lastModifiedMs: number;
}

export interface AliasRecord {
  name: string;
  functionVersion: string;
  description: string;
  weights: Record<string, number>;
  revisionId: string;
}

export interface ProvisionedConfig {
  qualifier: string;
  amount: number;
  lastModifiedMs: number;
  /** Clock time when allocation completes (Status READY). */
  readyAtMs: number;
}

/** An execution environment: busy while an invocation runs in it; expires when idle too long. */
export interface Environment {
  busy: boolean;
  lastUsedMs: number;
  provisioned: boolean;
}

export interface FunctionRecord {
  region: string;
  name: string;
  spec: EmulatedFunctionConfig;
  /** Every deployment package this function has had, by CodeSha256 (versions keep theirs). */
  code: Map<string, Buffer>;
  latest: ConfigSnapshot;
  latestRevisionId: string;
  latestLastModifiedMs: number;
  /** $LATEST is LastUpdateStatus InProgress until this clock time. */
  updateUntilMs: number;
  versions: Map<string, VersionRecord>;
  nextVersion: number;
  aliases: Map<string, AliasRecord>;
  provisioned: Map<string, ProvisionedConfig>;
  /** Execution environments by version ("$LATEST", "1", …). */
  environments: Map<string, Environment[]>;
  /** Alias routing draws, in request order. */
  rng: Rng;
  /**
   * Noise and error draws, one stream per version ("$LATEST", "1", …): a version's n-th
   * invocation gets the same draws however invocations of other versions interleave with it
   * (tune invokes several versions at once, and their order changes with the machine's load).
   */
  drawsByVersion: Map<string, Rng>;
  /** The seed the per-version streams derive from (the emulator's seed and this function). */
  drawSeed: number;
  inFlight: number;
}

export function snapshotFromSpec(
  spec: EmulatedFunctionConfig,
  code: { codeSha256: string; imageUri: string | undefined },
): ConfigSnapshot {
  return {
    memorySize: spec.memorySize,
    timeout: spec.timeout,
    ephemeralStorage: spec.ephemeralStorage,
    description: spec.description ?? "",
    logFormat: spec.logFormat,
    applicationLogLevel: spec.logFormat === "JSON" ? "INFO" : undefined,
    systemLogLevel: spec.logFormat === "JSON" ? "INFO" : undefined,
    logGroup: `/aws/lambda/${spec.name}`,
    environment: undefined,
    handler: "index.handler",
    runtime: spec.runtime,
    architecture: spec.architecture,
    packageType: spec.packageType ?? "Zip",
    codeSha256: code.codeSha256,
    imageUri: code.imageUri,
    layers: (spec.layers ?? []).map((layer) => layer.arn),
  };
}

/** The image an Image function starts from: `ACCOUNT.dkr.ecr.REGION.amazonaws.com/NAME:latest`. */
export function initialImageUri(spec: EmulatedFunctionConfig, accountId: string): string {
  return `${accountId}.dkr.ecr.${spec.region}.amazonaws.com/${spec.name.toLowerCase()}:latest`;
}

/** The digest of an image's manifest (hex), as ECR and Lambda's CodeSha256 show it. */
export function manifestDigestHex(manifest: string): string {
  return createHash("sha256").update(manifest).digest("hex");
}

export function newFunctionRecord(
  spec: EmulatedFunctionConfig,
  seed: number,
  nowMs: number,
  revisionId: string,
  image?: { uri: string; digestHex: string } | undefined,
): FunctionRecord {
  const key = hash32(`${spec.region}/${spec.name}`);
  const code = new Map<string, Buffer>();
  let sha: string;
  if (image) {
    sha = image.digestHex;
  } else {
    const zip = syntheticZip(spec.name, seed, spec.codeSizeBytes);
    sha = codeSha256(zip);
    code.set(sha, zip);
  }
  return {
    region: spec.region,
    name: spec.name,
    spec,
    code,
    latest: snapshotFromSpec(spec, { codeSha256: sha, imageUri: image?.uri }),
    latestRevisionId: revisionId,
    latestLastModifiedMs: nowMs,
    updateUntilMs: 0,
    versions: new Map(),
    nextVersion: 1,
    aliases: new Map(),
    provisioned: new Map(),
    environments: new Map(),
    rng: new Rng(seed ^ key),
    drawsByVersion: new Map(),
    drawSeed: seed ^ key,
    inFlight: 0,
  };
}

/** The stream of a version's invocation draws, started at its first invocation. */
export function drawsFor(fn: FunctionRecord, version: string): Rng {
  let rng = fn.drawsByVersion.get(version);
  if (rng === undefined) {
    rng = new Rng(fn.drawSeed ^ hash32(`version:${version}`));
    fn.drawsByVersion.set(version, rng);
  }
  return rng;
}

/** Two snapshots are equal when publishing one after the other would change nothing. */
export function sameConfig(a: ConfigSnapshot, b: ConfigSnapshot): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The version an alias's routing picks, given a uniform draw. */
export function pickAliasVersion(alias: AliasRecord, draw: number): string {
  let acc = 0;
  for (const [version, weight] of Object.entries(alias.weights)) {
    acc += weight;
    if (draw < acc) return version;
  }
  return alias.functionVersion;
}
