/** Fault injection, IAM checks, multi-region routing and provisioned concurrency, over the real SDKs. */
import {
  CloudWatchServiceException,
  GetMetricDataCommand,
  InternalServiceFault,
} from "@aws-sdk/client-cloudwatch";
import {
  CreateAliasCommand,
  DeleteProvisionedConcurrencyConfigCommand,
  GetAccountSettingsCommand,
  GetFunctionCommand,
  GetFunctionConfigurationCommand,
  GetProvisionedConcurrencyConfigCommand,
  InvalidParameterValueException,
  InvokeCommand,
  LambdaServiceException,
  ListFunctionsCommand,
  ListProvisionedConcurrencyConfigsCommand,
  PreconditionFailedException,
  ProvisionedConcurrencyConfigNotFoundException,
  PublishVersionCommand,
  PutProvisionedConcurrencyConfigCommand,
  ResourceNotFoundException,
  ServiceException,
  TooManyRequestsException,
  UpdateFunctionConfigurationCommand,
} from "@aws-sdk/client-lambda";
import { afterEach, describe, expect, it } from "vitest";
import { type Harness, startHarness, tail } from "./emulator-helpers.js";

/** A small valid CloudWatch call: the last hour's Invocations, summed per minute. */
function lastHourInvocations() {
  return new GetMetricDataCommand({
    StartTime: new Date(Date.now() - 3_600_000),
    EndTime: new Date(),
    MetricDataQueries: [
      {
        Id: "q",
        MetricStat: {
          Metric: { Namespace: "AWS/Lambda", MetricName: "Invocations" },
          Period: 60,
          Stat: "Sum",
        },
      },
    ],
  });
}

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const quick = { memorySize: 1769, model: { fixedMs: 5, initMs: 50 } };

describe("emulator: throttling", () => {
  it("calls beyond the account concurrency get 429 with Reason and Retry-After", async () => {
    h = await startHarness({
      timeScale: 1,
      concurrencyLimit: 2,
      functions: [{ name: "f", memorySize: 1769, model: { fixedMs: 300 } }],
    });
    const lambda = h.lambda();
    const results = await Promise.allSettled(
      [1, 2, 3].map(() => lambda.send(new InvokeCommand({ FunctionName: "f" }))),
    );
    const rejected = results
      .filter((r) => r.status === "rejected")
      .map((r) => (r as PromiseRejectedResult).reason);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]).toBeInstanceOf(TooManyRequestsException);
    expect(rejected[0]).toMatchObject({
      Reason: "ConcurrentInvocationLimitExceeded",
      retryAfterSeconds: "1",
    });
    expect(rejected[0].$metadata.httpStatusCode).toBe(429);
    const settings = await lambda.send(new GetAccountSettingsCommand({}));
    expect(settings.AccountLimit?.ConcurrentExecutions).toBe(2);
  });

  it("the SDK's own retries get through a concurrency throttle (Retry-After honoured)", async () => {
    h = await startHarness({
      timeScale: 1,
      concurrencyLimit: 1,
      functions: [{ name: "f", memorySize: 1769, model: { fixedMs: 200 } }],
    });
    const lambda = h.lambda("us-east-1", 3, true); // the SDK's own wait is what is tested
    const outs = await Promise.all(
      [1, 2].map(() => lambda.send(new InvokeCommand({ FunctionName: "f" }))),
    );
    expect(outs.map((o) => o.StatusCode)).toEqual([200, 200]);
    expect(Math.max(...outs.map((o) => o.$metadata.attempts ?? 1))).toBe(2);
    expect(
      h.emulator
        .requests()
        .map((r) => r.status)
        .sort(),
    ).toEqual([200, 200, 429]);
  });

  it("throttleRate 1: every call is 429; the SDK tries maxAttempts times", async () => {
    h = await startHarness({ faults: { throttleRate: 1 }, functions: [{ name: "f", ...quick }] });
    const error = await h
      .lambda("us-east-1", 2)
      .send(new GetFunctionCommand({ FunctionName: "f" }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TooManyRequestsException);
    expect((error as TooManyRequestsException).$metadata.attempts).toBe(2);
    expect(h.emulator.requests().map((r) => `${r.action} ${r.status}`)).toEqual([
      "lambda:GetFunction 429",
      "lambda:GetFunction 429",
    ]);
  });

  it("serviceErrorRate 1: 500 ServiceException, retried by the SDK", async () => {
    h = await startHarness({
      faults: { serviceErrorRate: 1 },
      functions: [{ name: "f", ...quick }],
    });
    const error = await h
      .lambda("us-east-1", 3)
      .send(new ListFunctionsCommand({}))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServiceException);
    expect((error as ServiceException).$metadata.httpStatusCode).toBe(500);
    expect(h.emulator.requests()).toHaveLength(3);
  });

  it("throttleRate 0.5 is seeded: the same seed throttles the same calls", async () => {
    const pattern = async () => {
      const harness = await startHarness({
        seed: 3,
        faults: { throttleRate: 0.5 },
        functions: [{ name: "f", ...quick }],
      });
      const lambda = harness.lambda();
      for (let i = 0; i < 12; i += 1) {
        await lambda.send(new GetFunctionCommand({ FunctionName: "f" })).catch(() => undefined);
      }
      const statuses = harness.emulator.requests().map((r) => r.status);
      await harness.close();
      return statuses;
    };
    const a = await pattern();
    expect(a).toEqual(await pattern());
    expect(a).toContain(429);
    expect(a).toContain(200);
  });
});

describe("emulator: regions", () => {
  it("routes each call by the SigV4 credential scope's region", async () => {
    h = await startHarness({
      functions: [
        { name: "shared", region: "us-east-1", memorySize: 512, ...{ model: {} } },
        { name: "shared", region: "eu-west-1", memorySize: 2048 },
        { name: "only-eu", region: "eu-west-1" },
      ],
    });
    const us = await h
      .lambda("us-east-1")
      .send(new GetFunctionConfigurationCommand({ FunctionName: "shared" }));
    const eu = await h
      .lambda("eu-west-1")
      .send(new GetFunctionConfigurationCommand({ FunctionName: "shared" }));
    expect([us.MemorySize, eu.MemorySize]).toEqual([512, 2048]);
    expect(eu.FunctionArn).toBe("arn:aws:lambda:eu-west-1:123456789012:function:shared");
    await expect(
      h.lambda("us-east-1").send(new GetFunctionConfigurationCommand({ FunctionName: "only-eu" })),
    ).rejects.toBeInstanceOf(ResourceNotFoundException);
    const euList = await h.lambda("eu-west-1").send(new ListFunctionsCommand({}));
    expect(euList.Functions?.map((f) => f.FunctionName)).toEqual(["only-eu", "shared"]);
    expect(h.emulator.requests().map((r) => r.region)).toEqual([
      "us-east-1",
      "eu-west-1",
      "us-east-1",
      "eu-west-1",
    ]);
  });

  it("failingRegions: every Lambda and CloudWatch call there fails with 500", async () => {
    h = await startHarness({
      faults: { failingRegions: ["ap-south-1"] },
      functions: [
        { name: "f", region: "ap-south-1" },
        { name: "f", region: "us-east-1" },
      ],
    });
    await expect(
      h.lambda("ap-south-1").send(new GetFunctionCommand({ FunctionName: "f" })),
    ).rejects.toBeInstanceOf(ServiceException);
    const cwError = await h
      .cloudwatch("ap-south-1")
      .send(lastHourInvocations())
      .catch((e: unknown) => e);
    expect(cwError).toBeInstanceOf(InternalServiceFault);
    const fine = await h.lambda("us-east-1").send(new GetFunctionCommand({ FunctionName: "f" }));
    expect(fine.Configuration?.FunctionName).toBe("f");
  });
});

describe("emulator: allowedActions", () => {
  it("any other action gets 403 AccessDeniedException (Lambda) / AccessDenied (CloudWatch)", async () => {
    h = await startHarness({
      allowedActions: ["lambda:Get*", "lambda:InvokeFunction"],
      functions: [{ name: "f", ...quick }],
    });
    const lambda = h.lambda();
    await lambda.send(new GetFunctionConfigurationCommand({ FunctionName: "f" }));
    await lambda.send(new InvokeCommand({ FunctionName: "f" }));
    const denied = await lambda
      .send(new UpdateFunctionConfigurationCommand({ FunctionName: "f", MemorySize: 512 }))
      .catch((e: unknown) => e);
    expect(denied).toBeInstanceOf(LambdaServiceException);
    expect((denied as LambdaServiceException).name).toBe("AccessDeniedException");
    expect((denied as LambdaServiceException).$metadata.httpStatusCode).toBe(403);
    expect((denied as Error).message).toContain(
      "not authorized to perform: lambda:UpdateFunctionConfiguration",
    );
    const cwDenied = await h
      .cloudwatch()
      .send(lastHourInvocations())
      .catch((e: unknown) => e);
    expect(cwDenied).toBeInstanceOf(CloudWatchServiceException);
    expect((cwDenied as CloudWatchServiceException).$metadata.httpStatusCode).toBe(403);
    expect(h.emulator.requests().map((r) => `${r.action} ${r.status}`)).toEqual([
      "lambda:GetFunctionConfiguration 200",
      "lambda:InvokeFunction 200",
      "lambda:UpdateFunctionConfiguration 403",
      "cloudwatch:GetMetricData 403",
    ]);
  });
});

describe("emulator: concurrent deploys", () => {
  it("a configured deploy changes $LATEST behind the caller's back after N requests", async () => {
    h = await startHarness({
      faults: {
        updateLatencyMs: 60_000,
        concurrentDeploys: [
          {
            functionName: "f",
            afterRequests: 1,
            patch: { MemorySize: 3008, Description: "someone else" },
          },
        ],
      },
      functions: [{ name: "f", ...quick }],
    });
    const lambda = h.lambda();
    const seen = await lambda.send(new GetFunctionConfigurationCommand({ FunctionName: "f" }));
    expect(seen.MemorySize).toBe(1769);
    // The caller's RevisionId is now stale, and the other deploy is still in progress.
    const stale = await lambda
      .send(new PublishVersionCommand({ FunctionName: "f", RevisionId: seen.RevisionId }))
      .catch((e: unknown) => e);
    expect((stale as Error).name).toBe("ResourceConflictException");
    expect(h.emulator.inspect("us-east-1", "f")?.latest).toMatchObject({
      MemorySize: 3008,
      Description: "someone else",
      LastUpdateStatus: "InProgress",
    });
  });

  it("deploy() from the handle makes a held RevisionId stale (412)", async () => {
    h = await startHarness({ functions: [{ name: "f", ...quick }] });
    const lambda = h.lambda();
    const seen = await lambda.send(new GetFunctionConfigurationCommand({ FunctionName: "f" }));
    h.emulator.deploy("us-east-1", "f", { Timeout: 42 });
    await expect(
      lambda.send(
        new UpdateFunctionConfigurationCommand({
          FunctionName: "f",
          MemorySize: 512,
          RevisionId: seen.RevisionId,
        }),
      ),
    ).rejects.toBeInstanceOf(PreconditionFailedException);
    expect(h.emulator.inspect("us-east-1", "f")?.latest.Timeout).toBe(42);
  });
});

describe("emulator: provisioned concurrency", () => {
  it("put, get, list, delete; invocations on the alias are warm and counted as provisioned", async () => {
    h = await startHarness({ functions: [{ name: "f", ...quick }] });
    const lambda = h.lambda();
    await lambda.send(new PublishVersionCommand({ FunctionName: "f" }));
    await lambda.send(
      new CreateAliasCommand({ FunctionName: "f", Name: "live", FunctionVersion: "1" }),
    );
    await expect(
      lambda.send(
        new PutProvisionedConcurrencyConfigCommand({
          FunctionName: "f",
          Qualifier: "$LATEST",
          ProvisionedConcurrentExecutions: 2,
        }),
      ),
    ).rejects.toBeInstanceOf(InvalidParameterValueException);
    await expect(
      lambda.send(
        new GetProvisionedConcurrencyConfigCommand({ FunctionName: "f", Qualifier: "live" }),
      ),
    ).rejects.toBeInstanceOf(ProvisionedConcurrencyConfigNotFoundException);
    const put = await lambda.send(
      new PutProvisionedConcurrencyConfigCommand({
        FunctionName: "f",
        Qualifier: "live",
        ProvisionedConcurrentExecutions: 2,
      }),
    );
    expect(put).toMatchObject({
      RequestedProvisionedConcurrentExecutions: 2,
      Status: "IN_PROGRESS",
    });
    expect(put.$metadata.httpStatusCode).toBe(202);
    const got = await lambda.send(
      new GetProvisionedConcurrencyConfigCommand({ FunctionName: "f", Qualifier: "live" }),
    );
    expect(got).toMatchObject({ AllocatedProvisionedConcurrentExecutions: 2, Status: "READY" });
    const list = await lambda.send(
      new ListProvisionedConcurrencyConfigsCommand({ FunctionName: "f" }),
    );
    expect(list.ProvisionedConcurrencyConfigs?.map((c) => c.FunctionArn)).toEqual([
      "arn:aws:lambda:us-east-1:123456789012:function:f:live",
    ]);
    const out = await lambda.send(
      new InvokeCommand({ FunctionName: "f", Qualifier: "live", LogType: "Tail" }),
    );
    expect(tail(out.LogResult)).not.toContain("Init Duration");
    expect(out.ExecutedVersion).toBe("1");
    const settings = await lambda.send(new GetAccountSettingsCommand({}));
    expect(settings.AccountLimit?.UnreservedConcurrentExecutions).toBe(998);
    await lambda.send(
      new DeleteProvisionedConcurrencyConfigCommand({ FunctionName: "f", Qualifier: "live" }),
    );
    await expect(
      lambda.send(
        new DeleteProvisionedConcurrencyConfigCommand({ FunctionName: "f", Qualifier: "live" }),
      ),
    ).rejects.toBeInstanceOf(ProvisionedConcurrencyConfigNotFoundException);
  });
});

describe("emulator: provisioned concurrency from the config", () => {
  it("publishes version 1, creates the alias, and serves it warm as provisioned", async () => {
    h = await startHarness({
      functions: [
        { name: "api", ...quick, provisionedConcurrency: [{ qualifier: "live", amount: 1 }] },
      ],
    });
    expect(h.emulator.inspect("us-east-1", "api")).toMatchObject({
      versions: ["1"],
      aliases: [{ name: "live", functionVersion: "1" }],
    });
    const lambda = h.lambda();
    const out = await lambda.send(
      new InvokeCommand({ FunctionName: "api", Qualifier: "live", LogType: "Tail" }),
    );
    expect(out.ExecutedVersion).toBe("1");
    expect(tail(out.LogResult)).not.toContain("Init Duration");
    const now = Date.now();
    const metrics = await h.cloudwatch().send(
      new GetMetricDataCommand({
        StartTime: new Date(now - 600_000),
        EndTime: new Date(now + 60_000),
        MetricDataQueries: ["ProvisionedConcurrencyInvocations", "Invocations"].map((name, i) => ({
          Id: `m${i}`,
          MetricStat: {
            Metric: {
              Namespace: "AWS/Lambda",
              MetricName: name,
              Dimensions: [
                { Name: "FunctionName", Value: "api" },
                { Name: "Resource", Value: "api:live" },
              ],
            },
            Period: 60,
            Stat: "Sum",
          },
        })),
      }),
    );
    expect(metrics.MetricDataResults?.map((r) => r.Values)).toEqual([[1], [1]]);
  });
});
