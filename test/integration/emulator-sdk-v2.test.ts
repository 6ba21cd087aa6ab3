/**
 * A second, independent client drives the emulator: the AWS SDK for JavaScript v2 (`aws-sdk`),
 * whose serializers, parsers and waiters share no code with v3 — and which speaks CloudWatch's
 * query protocol (form-encoded requests, XML replies) rather than JSON 1.0. Expected figures come
 * from the config: October 2026 = 31 days × 250,000 invocations = 7,750,000.
 */
import type CloudWatch from "aws-sdk/clients/cloudwatch.js";
import type Lambda from "aws-sdk/clients/lambda.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator } from "../../src/emulator/http-server.js";
import type { EmulatorHandle } from "../../src/emulator/types.js";
import { CREDENTIALS, tail } from "./emulator-helpers.js";

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (e: unknown) => e as { code: string; statusCode: number; message: string },
  );

describe("emulator: AWS SDK for JavaScript v2", () => {
  let emulator: EmulatorHandle;
  let lambda: Lambda;
  let cloudwatch: CloudWatch;
  beforeAll(async () => {
    // Each reading of the clock moves it 250 ms, so an update's 1 s InProgress ends after a few
    // waiter polls with no real sleep.
    let t = Date.parse("2026-11-26T09:00:00Z");
    emulator = await startEmulator({
      now: () => {
        t += 250;
        return t;
      },
      config: {
        faults: { updateLatencyMs: 1_000 },
        functions: [
          {
            name: "resize",
            memorySize: 1024,
            model: { fixedMs: 20 },
            history: [{ month: "2026-10", invocationsPerDay: 250_000, avgDurationMs: 180 }],
          },
          ...Array.from({ length: 60 }, (_, i) => ({ name: `bulk-${String(i).padStart(2, "0")}` })),
        ],
      },
    });
    const options = {
      region: "us-east-1",
      endpoint: emulator.endpoint,
      credentials: CREDENTIALS,
      maxRetries: 0,
    };
    // v2 prints an end-of-support note on a timer once loaded, unless this is set by then.
    process.env.AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE = "1";
    const { default: LambdaClient } = await import("aws-sdk/clients/lambda.js");
    const { default: CloudWatchClient } = await import("aws-sdk/clients/cloudwatch.js");
    lambda = new LambdaClient(options);
    cloudwatch = new CloudWatchClient(options);
  });
  afterAll(() => emulator.close());

  it("lists every function over 50-item pages", async () => {
    const names: string[] = [];
    let marker: string | undefined;
    do {
      const page = await lambda.listFunctions(marker ? { Marker: marker } : {}).promise();
      expect(page.Functions!.length).toBeLessThanOrEqual(50);
      names.push(...page.Functions!.map((f) => f.FunctionName!));
      marker = page.NextMarker;
    } while (marker);
    expect(names).toHaveLength(61);
    expect(names).toContain("resize");
  });

  it("gets, updates (409 while in progress), waits, publishes, aliases and invokes", async () => {
    const got = await lambda.getFunction({ FunctionName: "resize" }).promise();
    expect(got.Configuration).toMatchObject({ MemorySize: 1024, State: "Active" });

    const updated = await lambda
      .updateFunctionConfiguration({ FunctionName: "resize", MemorySize: 2048 })
      .promise();
    expect(updated.LastUpdateStatus).toBe("InProgress");
    const conflict = await failure(
      lambda.updateFunctionConfiguration({ FunctionName: "resize", Timeout: 10 }).promise(),
    );
    expect(conflict).toMatchObject({ code: "ResourceConflictException", statusCode: 409 });
    const waited = await lambda
      .waitFor("functionUpdatedV2", {
        FunctionName: "resize",
        $waiter: { delay: 0, maxAttempts: 20 },
      })
      .promise();
    expect(waited.Configuration?.LastUpdateStatus).toBe("Successful");

    const version = await lambda.publishVersion({ FunctionName: "resize" }).promise();
    expect(version.Version).toBe("1");
    await lambda
      .createAlias({ FunctionName: "resize", Name: "live", FunctionVersion: "1" })
      .promise();
    const alias = await lambda.getAlias({ FunctionName: "resize", Name: "live" }).promise();
    expect(alias.AliasArn).toBe("arn:aws:lambda:us-east-1:123456789012:function:resize:live");

    const out = await lambda
      .invoke({ FunctionName: "resize", Qualifier: "live", LogType: "Tail", Payload: "{}" })
      .promise();
    expect(out.StatusCode).toBe(200);
    expect(out.ExecutedVersion).toBe("1");
    expect(tail(out.LogResult)).toMatch(/\tMemory Size: 2048 MB\t/);
  });

  it("errors carry AWS's codes, statuses and messages", async () => {
    expect(await failure(lambda.getFunction({ FunctionName: "nope" }).promise())).toMatchObject({
      code: "ResourceNotFoundException",
      statusCode: 404,
      message: "Function not found: arn:aws:lambda:us-east-1:123456789012:function:nope",
    });
    const invalid = await failure(
      lambda.updateFunctionConfiguration({ FunctionName: "resize", MemorySize: 20_000 }).promise(),
    );
    expect(invalid).toMatchObject({
      code: "ValidationException",
      statusCode: 400,
      message:
        "1 validation error detected: Value '20000' at 'memorySize' failed to satisfy constraint: Member must have value less than or equal to 10240",
    });
  });

  it("CloudWatch over the query protocol: GetMetricStatistics, GetMetricData, ListMetrics", async () => {
    const dimensions = [{ Name: "FunctionName", Value: "resize" }];
    const october = {
      StartTime: new Date("2026-10-01T00:00:00Z"),
      EndTime: new Date("2026-11-01T00:00:00Z"),
    };
    const stats = await cloudwatch
      .getMetricStatistics({
        Namespace: "AWS/Lambda",
        MetricName: "Invocations",
        Dimensions: dimensions,
        Period: 86_400,
        Statistics: ["Sum"],
        ...october,
      })
      .promise();
    expect(stats.Datapoints).toHaveLength(31);
    expect(stats.Datapoints!.reduce((total, p) => total + p.Sum!, 0)).toBe(7_750_000);
    expect(stats.Datapoints![0]!.Timestamp).toBeInstanceOf(Date);

    const request = cloudwatch.getMetricData({
      MetricDataQueries: [
        {
          Id: "inv",
          MetricStat: {
            Metric: { Namespace: "AWS/Lambda", MetricName: "Invocations", Dimensions: dimensions },
            Period: 2_678_400,
            Stat: "Sum",
          },
        },
      ],
      ...october,
    });
    const data = await request.promise();
    const sent = new URLSearchParams(String(request.httpRequest.body));
    expect(sent.get("Action")).toBe("GetMetricData");
    expect(sent.get("Version")).toBe("2010-08-01");
    expect(sent.get("MetricDataQueries.member.1.MetricStat.Metric.Dimensions.member.1.Value")).toBe(
      "resize",
    );
    expect(data.MetricDataResults).toMatchObject([
      {
        Id: "inv",
        Label: "Invocations",
        Timestamps: [new Date("2026-10-01T00:00:00Z")],
        Values: [7_750_000],
        StatusCode: "Complete",
      },
    ]);

    // The invocation above recorded live metrics, which ListMetrics (past two weeks) lists.
    const listed = await cloudwatch
      .listMetrics({ Namespace: "AWS/Lambda", MetricName: "Invocations", Dimensions: dimensions })
      .promise();
    expect(listed.Metrics).toContainEqual({
      Namespace: "AWS/Lambda",
      MetricName: "Invocations",
      Dimensions: dimensions,
    });

    const error = await failure(
      cloudwatch
        .getMetricData({ ...october, EndTime: october.StartTime, MetricDataQueries: [] })
        .promise(),
    );
    expect(error).toMatchObject({
      code: "MissingParameter",
      statusCode: 400,
      message: "The parameter MetricDataQueries is required.",
    });
  });
});
