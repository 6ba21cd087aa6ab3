/** Lambda control plane over the real @aws-sdk/client-lambda: routes, errors, waiters, paginators. */
import {
  CreateAliasCommand,
  DeleteAliasCommand,
  DeleteFunctionCommand,
  GetAccountSettingsCommand,
  GetAliasCommand,
  GetFunctionCommand,
  GetFunctionConfigurationCommand,
  InvalidParameterValueException,
  ListAliasesCommand,
  ListFunctionsCommand,
  ListTagsCommand,
  ListVersionsByFunctionCommand,
  PreconditionFailedException,
  PublishVersionCommand,
  paginateListFunctions,
  paginateListVersionsByFunction,
  ResourceConflictException,
  ResourceNotFoundException,
  UpdateAliasCommand,
  UpdateFunctionConfigurationCommand,
  waitUntilFunctionActiveV2,
  waitUntilFunctionUpdatedV2,
  waitUntilPublishedVersionActive,
} from "@aws-sdk/client-lambda";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, manualClock, startHarness } from "./emulator-helpers.js";

const fn = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  memorySize: 1024,
  timeout: 30,
  tags: { team: "media" },
  model: { fixedMs: 10, cpuMs: 100, memoryUsedMb: 100 },
  ...extra,
});

describe("emulator: Lambda control plane", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({
      faults: { updateLatencyMs: 80 },
      functions: [
        fn("resize"),
        fn("api"),
        fn("versions-fn"),
        fn("alias-fn"),
        fn("delete-fn"),
        ...Array.from({ length: 120 }, (_, i) => fn(`bulk-${String(i).padStart(3, "0")}`)),
      ],
    });
  });
  afterAll(() => h.close());

  it("GetFunction and GetFunctionConfiguration return the configuration", async () => {
    const lambda = h.lambda();
    const got = await lambda.send(new GetFunctionCommand({ FunctionName: "resize" }));
    expect(got.Configuration).toMatchObject({
      FunctionName: "resize",
      FunctionArn: "arn:aws:lambda:us-east-1:123456789012:function:resize",
      MemorySize: 1024,
      Timeout: 30,
      Version: "$LATEST",
      State: "Active",
      LastUpdateStatus: "Successful",
      Architectures: ["x86_64"],
      EphemeralStorage: { Size: 512 },
      LoggingConfig: { LogFormat: "Text", LogGroup: "/aws/lambda/resize" },
    });
    expect(got.Code?.RepositoryType).toBe("S3");
    expect(got.Tags).toEqual({ team: "media" });
    const byArn = await lambda.send(
      new GetFunctionConfigurationCommand({
        FunctionName: "arn:aws:lambda:us-east-1:123456789012:function:resize",
      }),
    );
    expect(byArn.RevisionId).toBe(got.Configuration?.RevisionId);
    const latest = await lambda.send(
      new GetFunctionConfigurationCommand({ FunctionName: "resize", Qualifier: "$LATEST" }),
    );
    expect(latest.Version).toBe("$LATEST");
    const active = await waitUntilFunctionActiveV2(
      { client: lambda, maxWaitTime: 5, minDelay: 0.01, maxDelay: 0.05 },
      { FunctionName: "resize" },
    );
    expect(active.state).toBe("SUCCESS");
  });

  it("UpdateFunctionConfiguration: InProgress for updateLatencyMs, conflicts meanwhile, waiter V2", async () => {
    // On the emulator's own clock, held still until the conflicts are checked: on a loaded
    // machine 80 real ms could pass before the second call, and the update would be over.
    const clock = manualClock("2026-11-02T00:00:00Z");
    const own = await startHarness(
      { faults: { updateLatencyMs: 80 }, functions: [fn("api")] },
      { now: clock.now },
    );
    try {
      await updateConflictsThenSettles(own, clock);
    } finally {
      await own.close();
    }
  });

  async function updateConflictsThenSettles(h: Harness, clock: ReturnType<typeof manualClock>) {
    const lambda = h.lambda();
    const before = await lambda.send(new GetFunctionConfigurationCommand({ FunctionName: "api" }));
    const updated = await lambda.send(
      new UpdateFunctionConfigurationCommand({
        FunctionName: "api",
        MemorySize: 2048,
        Timeout: 60,
        EphemeralStorage: { Size: 1024 },
        Description: "tuned",
        LoggingConfig: { LogFormat: "JSON" },
        RevisionId: before.RevisionId,
      }),
    );
    expect(updated).toMatchObject({
      MemorySize: 2048,
      Timeout: 60,
      EphemeralStorage: { Size: 1024 },
      Description: "tuned",
      LastUpdateStatus: "InProgress",
      LoggingConfig: { LogFormat: "JSON", ApplicationLogLevel: "INFO", SystemLogLevel: "INFO" },
    });
    expect(updated.RevisionId).not.toBe(before.RevisionId);
    await expect(
      lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: "api", MemorySize: 512 })),
    ).rejects.toBeInstanceOf(ResourceConflictException);
    await expect(
      lambda.send(new PublishVersionCommand({ FunctionName: "api" })),
    ).rejects.toBeInstanceOf(ResourceConflictException);
    // The waiter polls at least once while the update is still InProgress, then it is over.
    setTimeout(() => clock.advance(80), 50);
    const waited = await waitUntilFunctionUpdatedV2(
      { client: lambda, maxWaitTime: 10, minDelay: 0.01, maxDelay: 0.05 },
      { FunctionName: "api" },
    );
    expect(waited.state).toBe("SUCCESS");
    const after = await lambda.send(new GetFunctionCommand({ FunctionName: "api" }));
    expect(after.Configuration?.LastUpdateStatus).toBe("Successful");
    // The SDK saw the GET /functions/api polls.
    const polls = h.emulator
      .requests()
      .filter((r) => r.action === "lambda:GetFunction" && r.path.endsWith("/api"));
    expect(polls.length).toBeGreaterThanOrEqual(2);
  }

  it("a stale RevisionId gets 412 PreconditionFailedException", async () => {
    const lambda = h.lambda();
    await expect(
      lambda.send(
        new UpdateFunctionConfigurationCommand({
          FunctionName: "resize",
          MemorySize: 512,
          RevisionId: "stale",
        }),
      ),
    ).rejects.toBeInstanceOf(PreconditionFailedException);
    await expect(
      lambda.send(new PublishVersionCommand({ FunctionName: "resize", RevisionId: "stale" })),
    ).rejects.toBeInstanceOf(PreconditionFailedException);
  });

  const constraint = (value: string, member: string, bound: string) =>
    `Value '${value}' at '${member}' failed to satisfy constraint: Member must have value ${bound}`;
  it.each([
    [{ MemorySize: 127 }, constraint("127", "memorySize", "greater than or equal to 128")],
    [{ MemorySize: 20_000 }, constraint("20000", "memorySize", "less than or equal to 10240")],
    [{ Timeout: 0 }, constraint("0", "timeout", "greater than or equal to 1")],
    [{ Timeout: 901 }, constraint("901", "timeout", "less than or equal to 900")],
    [
      { EphemeralStorage: { Size: 511 } },
      constraint("511", "ephemeralStorage.size", "greater than or equal to 512"),
    ],
  ])("out of range %j gets 400 ValidationException, worded as AWS does", async (patch, problem) => {
    const error = await h
      .lambda()
      .send(new UpdateFunctionConfigurationCommand({ FunctionName: "resize", ...patch }))
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      name: "ValidationException",
      message: `1 validation error detected: ${problem}`,
      $metadata: { httpStatusCode: 400 },
    });
  });

  it("several out-of-range members are reported together; a non-integer stays InvalidParameterValue", async () => {
    const lambda = h.lambda();
    const both = await lambda
      .send(
        new UpdateFunctionConfigurationCommand({
          FunctionName: "resize",
          MemorySize: 20_000,
          Timeout: 0,
        }),
      )
      .catch((e: unknown) => e);
    expect((both as Error).message).toBe(
      "2 validation errors detected: Value '20000' at 'memorySize' failed to satisfy constraint: Member must have value less than or equal to 10240; Value '0' at 'timeout' failed to satisfy constraint: Member must have value greater than or equal to 1",
    );
    await expect(
      lambda.send(
        new UpdateFunctionConfigurationCommand({ FunctionName: "resize", MemorySize: 1024.5 }),
      ),
    ).rejects.toBeInstanceOf(InvalidParameterValueException);
    expect(h.emulator.inspect("us-east-1", "resize")?.latest.MemorySize).not.toBe(20_000);
  });

  it("PublishVersion publishes nothing new when unchanged; ListVersionsByFunction pages", async () => {
    const lambda = h.lambda();
    const v1 = await lambda.send(new PublishVersionCommand({ FunctionName: "versions-fn" }));
    expect(v1.Version).toBe("1");
    expect(v1.FunctionArn).toBe("arn:aws:lambda:us-east-1:123456789012:function:versions-fn:1");
    expect(v1.$metadata.httpStatusCode).toBe(201);
    const again = await lambda.send(new PublishVersionCommand({ FunctionName: "versions-fn" }));
    expect(again.Version).toBe("1");
    for (const memory of [256, 512, 768]) {
      await lambda.send(
        new UpdateFunctionConfigurationCommand({ FunctionName: "versions-fn", MemorySize: memory }),
      );
      await waitUntilFunctionUpdatedV2(
        { client: lambda, maxWaitTime: 10, minDelay: 0.01, maxDelay: 0.05 },
        { FunctionName: "versions-fn" },
      );
      const v = await lambda.send(
        new PublishVersionCommand({ FunctionName: "versions-fn", Description: `m${memory}` }),
      );
      expect(v.MemorySize).toBe(memory);
      expect(v.Description).toBe(`m${memory}`);
    }
    const active = await waitUntilPublishedVersionActive(
      { client: lambda, maxWaitTime: 10, minDelay: 0.01, maxDelay: 0.05 },
      { FunctionName: "versions-fn", Qualifier: "4" },
    );
    expect(active.state).toBe("SUCCESS");
    const v2 = await lambda.send(
      new GetFunctionConfigurationCommand({ FunctionName: "versions-fn", Qualifier: "2" }),
    );
    expect(v2.MemorySize).toBe(256);
    const listed = await lambda.send(
      new ListVersionsByFunctionCommand({ FunctionName: "versions-fn" }),
    );
    expect(listed.Versions?.map((v) => v.Version)).toEqual(["$LATEST", "1", "2", "3", "4"]);
    const paged: string[] = [];
    for await (const page of paginateListVersionsByFunction(
      { client: lambda, pageSize: 2 },
      { FunctionName: "versions-fn" },
    )) {
      expect(page.Versions!.length).toBeLessThanOrEqual(2);
      paged.push(...page.Versions!.map((v) => v.Version!));
    }
    expect(paged).toEqual(["$LATEST", "1", "2", "3", "4"]);
  });

  it("aliases: create, get, update with routing, list, delete; version in use cannot be deleted", async () => {
    const lambda = h.lambda();
    await lambda.send(
      new UpdateFunctionConfigurationCommand({ FunctionName: "alias-fn", MemorySize: 256 }),
    );
    await waitUntilFunctionUpdatedV2(
      { client: lambda, maxWaitTime: 10, minDelay: 0.01, maxDelay: 0.05 },
      { FunctionName: "alias-fn" },
    );
    await lambda.send(new PublishVersionCommand({ FunctionName: "alias-fn" }));
    await lambda.send(
      new UpdateFunctionConfigurationCommand({ FunctionName: "alias-fn", MemorySize: 512 }),
    );
    await waitUntilFunctionUpdatedV2(
      { client: lambda, maxWaitTime: 10, minDelay: 0.01, maxDelay: 0.05 },
      { FunctionName: "alias-fn" },
    );
    await lambda.send(new PublishVersionCommand({ FunctionName: "alias-fn" }));
    const created = await lambda.send(
      new CreateAliasCommand({ FunctionName: "alias-fn", Name: "live", FunctionVersion: "1" }),
    );
    expect(created).toMatchObject({
      AliasArn: "arn:aws:lambda:us-east-1:123456789012:function:alias-fn:live",
      Name: "live",
      FunctionVersion: "1",
    });
    await expect(
      lambda.send(
        new CreateAliasCommand({ FunctionName: "alias-fn", Name: "live", FunctionVersion: "1" }),
      ),
    ).rejects.toBeInstanceOf(ResourceConflictException);
    await expect(
      lambda.send(
        new CreateAliasCommand({ FunctionName: "alias-fn", Name: "x", FunctionVersion: "9" }),
      ),
    ).rejects.toBeInstanceOf(ResourceNotFoundException);
    await expect(
      lambda.send(
        new UpdateAliasCommand({ FunctionName: "alias-fn", Name: "live", RevisionId: "stale" }),
      ),
    ).rejects.toBeInstanceOf(PreconditionFailedException);
    const updated = await lambda.send(
      new UpdateAliasCommand({
        FunctionName: "alias-fn",
        Name: "live",
        FunctionVersion: "2",
        RoutingConfig: { AdditionalVersionWeights: { "1": 0.1 } },
        RevisionId: created.RevisionId,
      }),
    );
    expect(updated.FunctionVersion).toBe("2");
    expect(updated.RoutingConfig?.AdditionalVersionWeights).toEqual({ "1": 0.1 });
    expect(updated.RevisionId).not.toBe(created.RevisionId);
    const got = await lambda.send(new GetAliasCommand({ FunctionName: "alias-fn", Name: "live" }));
    expect(got.FunctionVersion).toBe("2");
    const viaAlias = await lambda.send(
      new GetFunctionConfigurationCommand({ FunctionName: "alias-fn", Qualifier: "live" }),
    );
    expect(viaAlias.MemorySize).toBe(512);
    expect(viaAlias.FunctionArn).toMatch(/:alias-fn:live$/);
    await lambda.send(
      new CreateAliasCommand({
        FunctionName: "alias-fn",
        Name: "canary",
        FunctionVersion: "$LATEST",
      }),
    );
    const list = await lambda.send(new ListAliasesCommand({ FunctionName: "alias-fn" }));
    expect(list.Aliases?.map((a) => a.Name)).toEqual(["canary", "live"]);
    const forV2 = await lambda.send(
      new ListAliasesCommand({ FunctionName: "alias-fn", FunctionVersion: "2" }),
    );
    expect(forV2.Aliases?.map((a) => a.Name)).toEqual(["live"]);

    // Version 2 is the alias's target and version 1 carries routing weight: neither can go.
    for (const version of ["1", "2"]) {
      await expect(
        lambda.send(new DeleteFunctionCommand({ FunctionName: "alias-fn", Qualifier: version })),
      ).rejects.toBeInstanceOf(ResourceConflictException);
    }
    await lambda.send(new DeleteAliasCommand({ FunctionName: "alias-fn", Name: "live" }));
    await expect(
      lambda.send(new GetAliasCommand({ FunctionName: "alias-fn", Name: "live" })),
    ).rejects.toBeInstanceOf(ResourceNotFoundException);
    const deleted = await lambda.send(
      new DeleteFunctionCommand({ FunctionName: "alias-fn", Qualifier: "1" }),
    );
    expect(deleted.StatusCode).toBe(204);
    expect(h.emulator.inspect("us-east-1", "alias-fn")).toMatchObject({
      versions: ["2"],
      aliases: [{ name: "canary", functionVersion: "$LATEST" }],
    });
  });

  it("DeleteFunction: $LATEST by qualifier is 400, unknown version 404, no qualifier deletes all", async () => {
    const lambda = h.lambda();
    await expect(
      lambda.send(new DeleteFunctionCommand({ FunctionName: "delete-fn", Qualifier: "$LATEST" })),
    ).rejects.toBeInstanceOf(InvalidParameterValueException);
    await expect(
      lambda.send(new DeleteFunctionCommand({ FunctionName: "delete-fn", Qualifier: "7" })),
    ).rejects.toBeInstanceOf(ResourceNotFoundException);
    await lambda.send(new DeleteFunctionCommand({ FunctionName: "delete-fn" }));
    expect(h.emulator.inspect("us-east-1", "delete-fn")).toBeUndefined();
    const error = await lambda
      .send(new GetFunctionCommand({ FunctionName: "delete-fn" }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResourceNotFoundException);
    expect((error as ResourceNotFoundException).$metadata.httpStatusCode).toBe(404);
    expect((error as Error).message).toBe(
      "Function not found: arn:aws:lambda:us-east-1:123456789012:function:delete-fn",
    );
  });

  it("unknown function, version and alias are 404 ResourceNotFoundException", async () => {
    const lambda = h.lambda();
    for (const input of [
      { FunctionName: "nope" },
      { FunctionName: "resize", Qualifier: "42" },
      { FunctionName: "resize", Qualifier: "no-such-alias" },
    ]) {
      await expect(lambda.send(new GetFunctionConfigurationCommand(input))).rejects.toBeInstanceOf(
        ResourceNotFoundException,
      );
    }
  });

  it("ListFunctions returns 50 a page and the paginator follows NextMarker", async () => {
    const lambda = h.lambda();
    const first = await lambda.send(new ListFunctionsCommand({}));
    expect(first.Functions).toHaveLength(50);
    expect(first.NextMarker).toBeDefined();
    // ListFunctions omits State and LastUpdateStatus (use GetFunction).
    expect(first.Functions?.[0]?.State).toBeUndefined();
    const names: string[] = [];
    let pages = 0;
    for await (const page of paginateListFunctions({ client: lambda, pageSize: 50 }, {})) {
      pages += 1;
      names.push(...page.Functions!.map((f) => f.FunctionName!));
    }
    // 5 named + 120 bulk − delete-fn (deleted above, if it ran first) — count what is there.
    expect(new Set(names).size).toBe(names.length);
    expect(names).toContain("bulk-119");
    expect(pages).toBe(Math.ceil(names.length / 50));
    const all = await lambda.send(
      new ListFunctionsCommand({ FunctionVersion: "ALL", MaxItems: 50 }),
    );
    expect(all.Functions?.some((f) => f.Version !== "$LATEST")).toBe(true);
  });

  it("GetAccountSettings and ListTags", async () => {
    const lambda = h.lambda();
    const settings = await lambda.send(new GetAccountSettingsCommand({}));
    expect(settings.AccountLimit?.ConcurrentExecutions).toBe(1000);
    expect(settings.AccountUsage?.FunctionCount).toBeGreaterThanOrEqual(124);
    const tags = await lambda.send(
      new ListTagsCommand({ Resource: "arn:aws:lambda:us-east-1:123456789012:function:resize" }),
    );
    expect(tags.Tags).toEqual({ team: "media" });
    await expect(
      lambda.send(
        new ListTagsCommand({ Resource: "arn:aws:lambda:us-east-1:123456789012:function:nope" }),
      ),
    ).rejects.toBeInstanceOf(ResourceNotFoundException);
  });
});
