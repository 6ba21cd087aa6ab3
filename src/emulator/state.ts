/**
 * The emulator's in-memory world: functions per region, the clock, the seeded streams, and the
 * name and qualifier resolution every Lambda route shares.
 */

import { imageManifest, type StoredImage } from "./ecr-images.js";
import {
  type AliasRecord,
  type FunctionRecord,
  initialImageUri,
  manifestDigestHex,
  newFunctionRecord,
  type VersionRecord,
} from "./function-record.js";
import { lambdaError } from "./http.js";
import { MetricStore } from "./metric-store.js";
import { Rng } from "./rng.js";
import { S3Store } from "./s3.js";
import type { EmulatedFunctionConfig, EmulatorConfig } from "./types.js";

export const DEFAULT_CONCURRENCY_LIMIT = 1000;
/** Idle execution environments are reclaimed after this long (AWS does not publish a number). */
export const DEFAULT_ENVIRONMENT_IDLE_MS = 10 * 60_000;

export class EmulatorState {
  readonly config: EmulatorConfig;
  readonly now: () => number;
  readonly metrics: MetricStore;
  /** Faults (throttle, 5xx) and alias routing: one stream, in request order. */
  readonly faultRng: Rng;
  /** Request ids and revision ids. */
  readonly idRng: Rng;
  private readonly regions = new Map<string, Map<string, FunctionRecord>>();
  private readonly sortedNames = new Map<string, string[]>();
  readonly inFlightByRegion = new Map<string, number>();
  /** S3 buckets and their objects (src/emulator/s3.ts). */
  readonly s3 = new S3Store();
  /** Lambda requests served per action (faults.failRequests counts them). */
  readonly actionCounts = new Map<string, number>();
  /** ECR images of Image functions: `region/registry/repository` → tag → image (./ecr.ts). */
  readonly images = new Map<string, Map<string, StoredImage>>();
  /** Layer versions the functions use: version ARN → what GetLayerVersion says of it. */
  readonly layers = new Map<
    string,
    { compatibleArchitectures: Array<"x86_64" | "arm64">; compatibleRuntimes: string[] }
  >();
  /** Invocations sleeping out their modelled time (timeScale > 0), ended early by close(). */
  private readonly sleepers = new Map<NodeJS.Timeout, () => void>();

  constructor(config: EmulatorConfig, now: () => number) {
    this.config = config;
    this.now = now;
    this.faultRng = new Rng(config.seed ^ 0x5eed_f417);
    this.idRng = new Rng(config.seed ^ 0x1d5);
    this.metrics = new MetricStore(config.seed);
    this.addFunctions(config.functions);
  }

  /** Waits `ms` real milliseconds, unless the emulator is closed first. */
  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.sleepers.delete(timer);
        resolve();
      }, ms);
      this.sleepers.set(timer, resolve);
    });
  }

  /** Ends every sleep now, so closing never waits for a long modelled invocation. */
  wakeAll(): void {
    for (const [timer, resolve] of this.sleepers) {
      clearTimeout(timer);
      resolve();
    }
    this.sleepers.clear();
  }

  get concurrencyLimit(): number {
    return this.config.concurrencyLimit ?? DEFAULT_CONCURRENCY_LIMIT;
  }

  get environmentIdleMs(): number {
    return this.config.environmentIdleMs ?? DEFAULT_ENVIRONMENT_IDLE_MS;
  }

  addFunctions(specs: EmulatedFunctionConfig[]): void {
    for (const spec of specs) {
      let region = this.regions.get(spec.region);
      if (!region) {
        region = new Map();
        this.regions.set(spec.region, region);
      }
      const record = newFunctionRecord(
        spec,
        this.config.seed,
        this.now(),
        this.idRng.uuid(),
        spec.packageType === "Image" ? this.registerImage(spec) : undefined,
      );
      for (const layer of spec.layers ?? []) {
        const known = this.layers.get(layer.arn);
        if (known) {
          if (!known.compatibleRuntimes.includes(spec.runtime)) {
            known.compatibleRuntimes.push(spec.runtime);
          }
        } else {
          this.layers.set(layer.arn, {
            compatibleArchitectures: [...layer.compatibleArchitectures],
            compatibleRuntimes: [spec.runtime],
          });
        }
      }
      region.set(spec.name, record);
      this.provisionFromConfig(record);
      this.metrics.registerHistory(record);
      this.sortedNames.delete(spec.region);
    }
  }

  /** Puts an Image function's image in ECR (one repository per function, tag `latest`). */
  private registerImage(spec: EmulatedFunctionConfig): { uri: string; digestHex: string } {
    const uri = initialImageUri(spec, this.config.accountId);
    const repository = uri.slice(uri.indexOf("/") + 1, uri.lastIndexOf(":"));
    const built = imageManifest(spec.name, spec.imageArchitectures ?? [spec.architecture]);
    const image = { ...built, digestHex: manifestDigestHex(built.manifest) };
    const key = `${spec.region}/${this.config.accountId}/${repository}`;
    this.images.set(key, new Map([["latest", image]]));
    return { uri, digestHex: image.digestHex };
  }

  /** The image behind an ImageUri in this account's ECR, if there is one. */
  imageFor(region: string, uri: string): StoredImage | undefined {
    const match =
      /^(\d{12})\.dkr\.ecr\.([a-z0-9-]+)\.amazonaws\.com\/([^:@]+)(?::([^@]+))?(?:@sha256:([0-9a-f]{64}))?$/.exec(
        uri,
      );
    if (!match) return undefined;
    const [, registry, imageRegion, repository, tag, digest] = match;
    if (imageRegion !== region) return undefined;
    const images = this.images.get(`${region}/${registry}/${repository}`);
    if (!images) return undefined;
    if (digest) return [...images.values()].find((image) => image.digestHex === digest);
    return images.get(tag ?? "latest");
  }

  /**
   * Config-time provisioned concurrency needs something to attach to: publish version 1 of the
   * initial configuration and point each named alias at it (config.ts allows only aliases and "1").
   */
  private provisionFromConfig(record: FunctionRecord): void {
    const configs = record.spec.provisionedConcurrency ?? [];
    if (configs.length === 0) return;
    const now = this.now();
    record.versions.set("1", {
      version: "1",
      config: { ...record.latest },
      publishedFrom: { ...record.latest },
      revisionId: this.idRng.uuid(),
      lastModifiedMs: now,
    });
    record.nextVersion = 2;
    for (const pc of configs) {
      if (!/^\d+$/.test(pc.qualifier) && !record.aliases.has(pc.qualifier)) {
        record.aliases.set(pc.qualifier, {
          name: pc.qualifier,
          functionVersion: "1",
          description: "",
          weights: {},
          revisionId: this.idRng.uuid(),
        });
      }
      const qualifier = /^\d+$/.test(pc.qualifier) ? "1" : pc.qualifier;
      record.provisioned.set(qualifier, {
        qualifier,
        amount: pc.amount,
        lastModifiedMs: now,
        readyAtMs: 0,
      });
    }
  }

  deleteFunction(record: FunctionRecord): void {
    this.regions.get(record.region)?.delete(record.name);
    this.sortedNames.delete(record.region);
  }

  functionsIn(region: string): Map<string, FunctionRecord> {
    return this.regions.get(region) ?? new Map();
  }

  /** Function names in a region, sorted (ListFunctions order). */
  namesIn(region: string): string[] {
    let names = this.sortedNames.get(region);
    if (!names) {
      names = [...this.functionsIn(region).keys()].sort();
      this.sortedNames.set(region, names);
    }
    return names;
  }

  allFunctions(): FunctionRecord[] {
    return [...this.regions.values()].flatMap((m) => [...m.values()]);
  }

  /**
   * Finds a function by name, full or partial ARN, or `name:qualifier`; returns the qualifier
   * the name carried, if any. Unknown: 404 ResourceNotFoundException.
   */
  resolve(region: string, functionName: string): { fn: FunctionRecord; qualifier?: string } {
    const parsed = parseFunctionName(functionName);
    const fn = this.functionsIn(region).get(parsed.name);
    if (!fn || (parsed.region !== undefined && parsed.region !== region)) {
      throw lambdaError(
        "ResourceNotFoundException",
        `Function not found: ${this.functionArn(region, parsed.name)}`,
      );
    }
    return parsed.qualifier === undefined ? { fn } : { fn, qualifier: parsed.qualifier };
  }

  functionArn(region: string, name: string, qualifier?: string): string {
    const base = `arn:aws:lambda:${region}:${this.config.accountId}:function:${name}`;
    return qualifier === undefined ? base : `${base}:${qualifier}`;
  }

  /** The qualifier from the path (`name:q`) or the `Qualifier` query; they must agree. */
  qualifierOf(fromName: string | undefined, fromQuery: string | undefined): string | undefined {
    if (fromName !== undefined && fromQuery !== undefined && fromName !== fromQuery) {
      throw lambdaError(
        "InvalidParameterValueException",
        "The derived qualifier from the function name does not match the specified qualifier.",
      );
    }
    return fromName ?? fromQuery;
  }

  /** A published version, or 404. */
  version(fn: FunctionRecord, version: string): VersionRecord {
    const record = fn.versions.get(version);
    if (!record) {
      throw lambdaError(
        "ResourceNotFoundException",
        `Function not found: ${this.functionArn(fn.region, fn.name, version)}`,
      );
    }
    return record;
  }

  alias(fn: FunctionRecord, name: string): AliasRecord {
    const alias = fn.aliases.get(name);
    if (!alias) {
      throw lambdaError(
        "ResourceNotFoundException",
        `Alias not found: ${this.functionArn(fn.region, fn.name, name)}`,
      );
    }
    return alias;
  }

  /** True while $LATEST's last update is still InProgress. */
  updating(fn: FunctionRecord): boolean {
    return this.now() < fn.updateUntilMs;
  }
}

interface ParsedName {
  name: string;
  region?: string;
  qualifier?: string;
}

/** `my-fn`, `my-fn:7`, `123456789012:function:my-fn[:q]`, `arn:aws:lambda:r:acct:function:my-fn[:q]`. */
export function parseFunctionName(input: string): ParsedName {
  const parts = input.split(":");
  if (parts[0] === "arn" && parts.length >= 7) {
    const out: ParsedName = { name: parts[6]!, region: parts[3]! };
    if (parts[7] !== undefined) out.qualifier = parts[7];
    return out;
  }
  if (parts.length >= 3 && parts[1] === "function") {
    const out: ParsedName = { name: parts[2]! };
    if (parts[3] !== undefined) out.qualifier = parts[3];
    return out;
  }
  if (parts.length === 2) return { name: parts[0]!, qualifier: parts[1]! };
  return { name: input };
}
