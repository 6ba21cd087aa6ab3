/**
 * An in-memory TuningTarget for unit tests of the runner's phases: RevisionIds, version
 * de-duplication as Lambda does it, and hooks to make "someone else" deploy at a chosen call.
 * It prices nothing and models no durations beyond a fixed REPORT line per size.
 */
import {
  type AliasView,
  ConcurrentChangeError,
  type FunctionSnapshot,
  type TuningTarget,
} from "../../src/core/tuning/ports.js";

export interface FakeState {
  config: Record<string, unknown>;
  revision: number;
  versions: Map<string, { config: Record<string, unknown>; description: string }>;
  aliases: Map<string, { version: string; revision: number; description?: string }>;
  calls: string[];
}

export function createFakeTarget(
  initial: { memoryMb?: number; preexistingVersions?: number } = {},
  hooks: { beforeCall?: (call: string, state: FakeState, count: number) => void } = {},
) {
  const state: FakeState = {
    config: {
      FunctionName: "fn",
      FunctionArn: "arn:aws:lambda:us-east-1:123456789012:function:fn",
      MemorySize: initial.memoryMb ?? 1024,
      Timeout: 30,
      Description: "the user's function",
      Architectures: ["x86_64"],
      EphemeralStorage: { Size: 512 },
      LoggingConfig: { LogFormat: "Text" },
    },
    revision: 1,
    versions: new Map(),
    aliases: new Map(),
    calls: [],
  };
  for (let v = 1; v <= (initial.preexistingVersions ?? 0); v++) {
    state.versions.set(String(v), { config: { ...state.config }, description: "user's" });
  }
  const call = (name: string) => {
    state.calls.push(name);
    hooks.beforeCall?.(name, state, state.calls.filter((c) => c === name).length);
  };
  const snap = (): FunctionSnapshot => ({
    functionName: "fn",
    functionArn: String(state.config.FunctionArn),
    region: "us-east-1",
    accountId: "123456789012",
    revisionId: `r${state.revision}`,
    state: "Active",
    lastUpdateStatus: "Successful",
    memoryMb: Number(state.config.MemorySize),
    timeoutSeconds: 30,
    architecture: "x86_64",
    ephemeralStorageMb: 512,
    logFormat: "Text",
    packageType: "Zip",
    codeSha256: "fake-code",
    layerArns: [],
    configuration: structuredClone(state.config),
  });
  const checkRevision = (expected: string) => {
    if (expected !== `r${state.revision}`)
      throw new ConcurrentChangeError("412 PreconditionFailed");
  };
  const target: TuningTarget = {
    region: "us-east-1",
    async snapshot() {
      call("snapshot");
      return snap();
    },
    async waitForUpdate() {
      call("waitForUpdate");
      return snap();
    },
    async setMemory(memoryMb, expected) {
      call("setMemory");
      checkRevision(expected);
      state.config.MemorySize = memoryMb;
      state.revision += 1;
      return snap();
    },
    async publishVersion(expected, description) {
      call("publishVersion");
      checkRevision(expected);
      const key = JSON.stringify(state.config);
      for (const [version, v] of [...state.versions].reverse()) {
        if (JSON.stringify(v.config) === key) {
          return { version, created: false, memoryMb: Number(v.config.MemorySize) };
        }
        break; // Lambda only de-duplicates against the latest published version.
      }
      const version = String(Math.max(0, ...[...state.versions.keys()].map(Number)) + 1);
      state.versions.set(version, { config: { ...state.config }, description });
      return { version, created: true, memoryMb: Number(state.config.MemorySize) };
    },
    async invoke(version) {
      call("invoke");
      const memory = Number(state.versions.get(version)?.config.MemorySize ?? 0);
      const ms = Math.ceil(100_000 / memory);
      const log = `REPORT RequestId: x\tDuration: ${ms}.00 ms\tBilled Duration: ${ms} ms\tMemory Size: ${memory} MB\tMax Memory Used: 60 MB\t\n`;
      return {
        statusCode: 200,
        logResultBase64: Buffer.from(log).toString("base64"),
        payloadText: "null",
      };
    },
    async versionsDescribedAs(description) {
      return [...state.versions].filter(([, v]) => v.description === description).map(([k]) => k);
    },
    async deleteVersion(version) {
      call("deleteVersion");
      state.versions.delete(version);
    },
    async getAlias(name): Promise<AliasView | undefined> {
      const alias = state.aliases.get(name);
      return alias
        ? {
            name,
            functionVersion: alias.version,
            revisionId: `a${alias.revision}`,
            weighted: false,
            description: alias.description,
          }
        : undefined;
    },
    async pointAlias(name, version) {
      call("pointAlias");
      state.aliases.set(name, { version, revision: (state.aliases.get(name)?.revision ?? 0) + 1 });
    },
    async createMarkerAlias(name, description) {
      call("createMarkerAlias");
      if (state.aliases.has(name)) return "exists";
      state.aliases.set(name, { version: "$LATEST", revision: 1, description });
      return "created";
    },
    async deleteAlias(name) {
      call("deleteAlias");
      state.aliases.delete(name);
    },
    throttleCount: () => 0,
  };
  /** What someone else's deploy does: new config, new RevisionId. */
  const deploy = (patch: Record<string, unknown>) => {
    Object.assign(state.config, patch);
    state.revision += 1;
  };
  return { target, state, deploy };
}
