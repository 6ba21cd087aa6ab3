/**
 * Edges of the safety promise: a function mid-update, a version that existed before the run,
 * an alias the user is rolling out with weights.
 */
import {
  CreateAliasCommand,
  LambdaClient,
  PublishVersionCommand,
  UpdateFunctionConfigurationCommand,
} from "@aws-sdk/client-lambda";
import { afterEach, describe, expect, it } from "vitest";
import { createLambdaTuningTarget } from "../../src/aws/lambda-tuning-target.js";
import { AwsError, UsageError } from "../../src/core/errors.js";
import type { EmulatorHandle } from "../../src/emulator/types.js";
import type { TuneRunResult } from "../../src/tune/run-types.js";
import { comparable, emulatorWith, fn, mutatingRequests, REGION, tune } from "./tune-harness.js";

let emulator: EmulatorHandle | undefined;
afterEach(async () => emulator?.close());

const client = (e: EmulatorHandle) =>
  new LambdaClient({
    region: REGION,
    endpoint: e.endpoint,
    credentials: { accessKeyId: "x", secretAccessKey: "y" },
  });

describe("a function that is being updated", () => {
  it("waits for an update that finishes, then tunes", async () => {
    // The update cannot finish before tune has looked (a 300 ms update on the real clock used to
    // lapse before tune's first GetFunction on a loaded machine): the emulator's clock stands
    // still until tune says it is waiting, then runs, so the update ends 300 ms later.
    const startMs = Date.now();
    let waitingSinceMs: number | undefined;
    emulator = await emulatorWith([fn("deploying", { fixedMs: 50 })], {
      faults: { updateLatencyMs: 300 },
      now: () => (waitingSinceMs === undefined ? startMs : startMs + Date.now() - waitingSinceMs),
    });
    emulator.deploy(REGION, "deploying", { Description: "new release" });
    const lines: string[] = [];
    const notify = (line: string) => {
      lines.push(line);
      if (/waiting for it to settle/.test(line)) waitingSinceMs ??= Date.now();
    };
    const { outcome } = await tune(
      emulator,
      "deploying",
      { sizesMb: [512], invocations: 3 },
      { notify },
    );
    expect(lines[0]).toMatch(/deploying is Active \/ update InProgress; waiting for it to settle/);
    expect((outcome as { result: TuneRunResult }).result.restored).toBe(true);
  });

  it("refuses, changing nothing, when the update does not finish", async () => {
    emulator = await emulatorWith([fn("stuck", { fixedMs: 50 })], {
      faults: { updateLatencyMs: 60_000 },
    });
    emulator.deploy(REGION, "stuck", { Description: "slow release" });
    const target = createLambdaTuningTarget({
      connection: {
        region: REGION,
        endpointUrl: emulator.endpoint,
        credentials: { accessKeyId: "x", secretAccessKey: "y" },
      },
      functionName: "stuck",
      waiter: { minDelaySeconds: 0.05, maxDelaySeconds: 0.1, maxWaitSeconds: 0.5 },
    });
    const run = tune(emulator, "stuck", { sizesMb: [512], invocations: 3 }, { target });
    await expect(run).rejects.toBeInstanceOf(AwsError);
    await expect(run).rejects.toThrow(
      /stuck did not finish its update within 0.5 s; nothing more was changed/,
    );
    expect(mutatingRequests(emulator)).toEqual([]);
  });
});

describe("versions and aliases the user owns", () => {
  it("uses, and never deletes, a version that existed before the run", async () => {
    emulator = await emulatorWith([fn("released", { fixedMs: 50, cpuMs: 50 })]);
    const lambda = client(emulator);
    // The user's release: version 1 of $LATEST as it is now (1024 MB), with an alias on it.
    await lambda.send(
      new PublishVersionCommand({ FunctionName: "released", Description: "v1 release" }),
    );
    await lambda.send(
      new CreateAliasCommand({ FunctionName: "released", Name: "prod", FunctionVersion: "1" }),
    );
    const before = comparable(emulator, "released");
    // Nothing changed since version 1 was published, so PublishVersion hands back version 1
    // (Lambda compares with the latest published version only).
    const { outcome } = await tune(emulator, "released", { sizesMb: [1024], invocations: 5 });
    const result = (outcome as { result: TuneRunResult }).result;
    expect(result.versions).toEqual({ "x86_64:1024": "1" });
    expect(result.cleanup.deletedVersions).toEqual([]);
    expect(comparable(emulator, "released")).toEqual(before);
  });

  it("--apply --alias refuses to move an alias that splits traffic", async () => {
    emulator = await emulatorWith([fn("rolling", { fixedMs: 50, cpuMs: 200 })]);
    const lambda = client(emulator);
    await lambda.send(new PublishVersionCommand({ FunctionName: "rolling" }));
    await lambda.send(
      new UpdateFunctionConfigurationCommand({ FunctionName: "rolling", Timeout: 20 }),
    );
    await new Promise((r) => setTimeout(r, 50));
    await lambda.send(new PublishVersionCommand({ FunctionName: "rolling" }));
    await lambda.send(
      new CreateAliasCommand({
        FunctionName: "rolling",
        Name: "live",
        FunctionVersion: "1",
        RoutingConfig: { AdditionalVersionWeights: { "2": 0.1 } },
      }),
    );
    const before = comparable(emulator, "rolling");
    const run = tune(emulator, "rolling", {
      sizesMb: [256, 512],
      invocations: 5,
      apply: true,
      alias: "live",
    });
    await expect(run).rejects.toBeInstanceOf(UsageError);
    await expect(run).rejects.toThrow(/alias live splits traffic between versions/);
    expect(comparable(emulator, "rolling")).toEqual(before);
  });

  it("--apply does not overwrite a deploy that lands while the question is open", async () => {
    emulator = await emulatorWith([
      fn(
        "racing",
        { fixedMs: 20, cpuMs: 400, memoryUsedMb: 100, gcPressure: 1 },
        { memorySize: 512 },
      ),
    ]);
    const e = emulator;
    const run = tune(
      e,
      "racing",
      { sizesMb: [512, 1024, 2048], invocations: 10, apply: true },
      {
        confirm: async () => {
          e.deploy(REGION, "racing", { Description: "their release", MemorySize: 3008 });
          return true;
        },
      },
    );
    await expect(run).rejects.toBeInstanceOf(AwsError);
    await expect(run).rejects.toThrow(
      /not applied: racing was changed by someone else after the run/,
    );
    expect(e.inspect(REGION, "racing")?.latest).toMatchObject({
      Description: "their release",
      MemorySize: 3008,
    });
  });
});
