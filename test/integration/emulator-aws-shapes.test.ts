/**
 * Answers worded and shaped as Lambda's: alias routing and name violations, provisioned
 * concurrency while it is being allocated, and the runtime version in INIT_START and
 * RuntimeVersionConfig. Expected messages are written out from AWS's own wording.
 */
import {
  CreateAliasCommand,
  GetFunctionCommand,
  GetProvisionedConcurrencyConfigCommand,
  InvokeCommand,
  PublishVersionCommand,
  PutProvisionedConcurrencyConfigCommand,
  UpdateAliasCommand,
} from "@aws-sdk/client-lambda";
import { afterEach, describe, expect, it } from "vitest";
import { type Harness, manualClock, startHarness, tail } from "./emulator-helpers.js";

let h: Harness;
afterEach(() => h?.close());

/** A function with versions 1 and 2 (different memory sizes). */
async function twoVersions() {
  h = await startHarness({ functions: [{ name: "f" }] });
  const lambda = h.lambda();
  await lambda.send(new PublishVersionCommand({ FunctionName: "f" }));
  h.emulator.deploy("us-east-1", "f", { MemorySize: 512 });
  await lambda.send(new PublishVersionCommand({ FunctionName: "f" }));
  return lambda;
}

const failure = (promise: Promise<unknown>) => promise.catch((e: unknown) => e);

describe("emulator: alias routing and names", () => {
  it("the primary version cannot also take routed traffic (create and update)", async () => {
    const lambda = await twoVersions();
    const message =
      "Invalid function version 1. Function version 1 is already included in routing configuration.";
    expect(
      await failure(
        lambda.send(
          new CreateAliasCommand({
            FunctionName: "f",
            Name: "live",
            FunctionVersion: "1",
            RoutingConfig: { AdditionalVersionWeights: { "1": 0.5 } },
          }),
        ),
      ),
    ).toMatchObject({ name: "InvalidParameterValueException", message });
    await lambda.send(
      new CreateAliasCommand({
        FunctionName: "f",
        Name: "live",
        FunctionVersion: "2",
        RoutingConfig: { AdditionalVersionWeights: { "1": 0.5 } },
      }),
    );
    // Moving the primary onto the routed version is the same mistake.
    expect(
      await failure(
        lambda.send(
          new UpdateAliasCommand({ FunctionName: "f", Name: "live", FunctionVersion: "1" }),
        ),
      ),
    ).toMatchObject({ name: "InvalidParameterValueException", message });
  });

  it.each([
    [{ "2": 1.5 }, "{2=1.5}"],
    [{ "2": -0.1 }, "{2=-0.1}"],
    [{ "2": 2 }, "{2=2.0}"],
  ])("weight %j outside [0, 1] is 400 ValidationException", async (weights, printed) => {
    const lambda = await twoVersions();
    const error = await failure(
      lambda.send(
        new CreateAliasCommand({
          FunctionName: "f",
          Name: "live",
          FunctionVersion: "1",
          RoutingConfig: { AdditionalVersionWeights: weights },
        }),
      ),
    );
    expect(error).toMatchObject({
      name: "ValidationException",
      message: `1 validation error detected: Value '${printed}' at 'routingConfig.additionalVersionWeights' failed to satisfy constraint: Map value must satisfy constraint: [Member must have value less than or equal to 1.0, Member must have value greater than or equal to 0.0]`,
      $metadata: { httpStatusCode: 400 },
    });
    expect(h.emulator.inspect("us-east-1", "f")?.aliases).toEqual([]);
  });

  it.each([
    ["a".repeat(129), "Member must have length less than or equal to 128"],
    ["123", "Member must satisfy regular expression pattern: (?!^[0-9]+$)([a-zA-Z0-9-_]+)"],
    ["live.v2", "Member must satisfy regular expression pattern: (?!^[0-9]+$)([a-zA-Z0-9-_]+)"],
  ])("alias name %s is 400 ValidationException", async (name, constraint) => {
    const lambda = await twoVersions();
    const error = await failure(
      lambda.send(new CreateAliasCommand({ FunctionName: "f", Name: name, FunctionVersion: "1" })),
    );
    expect(error).toMatchObject({
      name: "ValidationException",
      message: `1 validation error detected: Value '${name}' at 'name' failed to satisfy constraint: ${constraint}`,
    });
  });
});

describe("emulator: provisioned concurrency being allocated", () => {
  it("IN_PROGRESS has nothing allocated or available; READY has the amount; LastModified in whole seconds", async () => {
    const clock = manualClock("2026-11-26T09:01:00.250Z");
    h = await startHarness(
      { functions: [{ name: "f" }], faults: { updateLatencyMs: 60_000 } },
      { now: clock.now },
    );
    const lambda = h.lambda();
    await lambda.send(new PublishVersionCommand({ FunctionName: "f" }));
    const put = await lambda.send(
      new PutProvisionedConcurrencyConfigCommand({
        FunctionName: "f",
        Qualifier: "1",
        ProvisionedConcurrentExecutions: 5,
      }),
    );
    const inProgress = {
      RequestedProvisionedConcurrentExecutions: 5,
      AllocatedProvisionedConcurrentExecutions: 0,
      AvailableProvisionedConcurrentExecutions: 0,
      Status: "IN_PROGRESS",
      LastModified: "2026-11-26T09:01:00+0000",
    };
    expect(put).toMatchObject(inProgress);
    const get = () =>
      lambda.send(
        new GetProvisionedConcurrencyConfigCommand({ FunctionName: "f", Qualifier: "1" }),
      );
    expect(await get()).toMatchObject(inProgress);
    clock.advance(60_000);
    expect(await get()).toMatchObject({
      AllocatedProvisionedConcurrentExecutions: 5,
      AvailableProvisionedConcurrentExecutions: 5,
      Status: "READY",
      LastModified: "2026-11-26T09:01:00+0000",
    });
  });
});

describe("emulator: runtime version", () => {
  it("INIT_START names the runtime version and its ARN, the same ARN GetFunction reports", async () => {
    h = await startHarness({
      functions: [
        { name: "a", runtime: "nodejs20.x" },
        { name: "b", runtime: "nodejs20.x" },
        { name: "p", runtime: "python3.13" },
      ],
    });
    const lambda = h.lambda();
    const arnOf = async (name: string) =>
      (await lambda.send(new GetFunctionCommand({ FunctionName: name }))).Configuration
        ?.RuntimeVersionConfig?.RuntimeVersionArn;
    const nodeArn = await arnOf("a");
    expect(nodeArn).toMatch(/^arn:aws:lambda:us-east-1::runtime:[0-9a-f]{64}$/);
    expect(await arnOf("b")).toBe(nodeArn);
    expect(await arnOf("p")).not.toBe(nodeArn);

    const out = await lambda.send(new InvokeCommand({ FunctionName: "a", LogType: "Tail" }));
    const first = tail(out.LogResult).split("\n")[0];
    expect(first).toBe(
      `INIT_START Runtime Version: nodejs:20.v42\tRuntime Version ARN: ${nodeArn}`,
    );
    const python = await lambda.send(new InvokeCommand({ FunctionName: "p", LogType: "Tail" }));
    expect(tail(python.LogResult)).toMatch(/^INIT_START Runtime Version: python:3\.13\.v42\t/);
  });
});
