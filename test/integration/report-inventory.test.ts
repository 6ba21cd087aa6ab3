/**
 * The inventory with published versions, against the emulator with the real SDK: ListFunctions
 * with FunctionVersion=ALL keeps one entry per function ($LATEST) even when version entries are
 * interleaved across pages, and ListProvisionedConcurrencyConfigs is asked only for functions
 * with a published version (PC cannot be on $LATEST or on an alias pointing to it: AWS Lambda
 * Developer Guide, "Managing concurrency"). Their PC is still found and priced.
 */
import {
  LambdaClient,
  ListFunctionsCommand,
  PublishVersionCommand,
  UpdateFunctionConfigurationCommand,
} from "@aws-sdk/client-lambda";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateMonthlyReport } from "../../src/api/report.js";
import { sdkClientConfig } from "../../src/aws/connection.js";
import { listFunctionInventory } from "../../src/aws/function-inventory.js";
import type { EmulatorHandle } from "../../src/emulator/types.js";
import {
  ACCOUNT_ID,
  callsOf,
  connectionTo,
  manyFunctions,
  startReportEmulator,
} from "./report-helpers.js";

const REGION = "us-east-1";
const PC_LIST = "lambda:ListProvisionedConcurrencyConfigs";

/**
 * 60 functions (fn-00000 … fn-00059; memory 128 + (i % 8) × 128 MB, x86_64 when i is even):
 * fn-00010 has PC 3 on alias "live" (→ version 1), fn-00046 PC 2 on version 1, and fn-00030
 * gets versions 1 and 2 through the API but no PC. The others have no published version.
 */
function functions() {
  return manyFunctions(60).map((fn) => {
    if (fn.name === "fn-00010") {
      return { ...fn, provisionedConcurrency: [{ qualifier: "live", amount: 3 }] };
    }
    if (fn.name === "fn-00046") {
      return { ...fn, provisionedConcurrency: [{ qualifier: "1", amount: 2 }] };
    }
    return fn;
  });
}

describe("report inventory: functions with and without published versions", () => {
  let emulator: EmulatorHandle;
  let lambda: LambdaClient;
  const conn = () => ({ ...connectionTo(emulator), region: REGION });

  beforeAll(async () => {
    emulator = await startReportEmulator(functions());
    lambda = new LambdaClient(sdkClientConfig(conn()));
    await lambda.send(new PublishVersionCommand({ FunctionName: "fn-00030" }));
    await lambda.send(
      new UpdateFunctionConfigurationCommand({ FunctionName: "fn-00030", Description: "v2" }),
    );
    await lambda.send(new PublishVersionCommand({ FunctionName: "fn-00030" }));
  });
  afterAll(async () => {
    lambda.destroy();
    await emulator.close();
  });

  it("precondition: with FunctionVersion=ALL a page boundary splits fn-00046 from its version", async () => {
    // 60 $LATEST entries + 4 versions = 64 entries. Before fn-00046's $LATEST come 46 functions
    // and 3 versions (fn-00010 v1, fn-00030 v1 and v2): index 49, the last of page 1.
    const first = await lambda.send(
      new ListFunctionsCommand({ FunctionVersion: "ALL", MaxItems: 50 }),
    );
    const last = first.Functions?.at(-1);
    expect(first.Functions).toHaveLength(50);
    expect([last?.FunctionName, last?.Version]).toEqual(["fn-00046", "$LATEST"]);
    const second = await lambda.send(
      new ListFunctionsCommand({ FunctionVersion: "ALL", MaxItems: 50, Marker: first.NextMarker }),
    );
    const head = second.Functions?.[0];
    expect([head?.FunctionName, head?.Version]).toEqual(["fn-00046", "1"]);
    expect(second.Functions).toHaveLength(14);
    expect(second.NextMarker).toBeUndefined();
  });

  it("keeps one entry per function, flags the versioned ones, and reads PC only for those", async () => {
    const listCallsBefore = callsOf(emulator, "lambda:ListFunctions").length;
    const pcCallsBefore = callsOf(emulator, PC_LIST).length;
    const inventory = await listFunctionInventory(conn(), { region: REGION });

    // ceil(64 entries / 50) = 2 pages; every function once, no version entry taken as one.
    expect(callsOf(emulator, "lambda:ListFunctions").length - listCallsBefore).toBe(2);
    const names = inventory.functions.map((f) => f.functionName);
    expect(names).toHaveLength(60);
    expect(new Set(names).size).toBe(60);
    for (const fn of inventory.functions) {
      expect(fn.functionArn).toBe(
        `arn:aws:lambda:${REGION}:${ACCOUNT_ID}:function:${fn.functionName}`,
      );
    }
    expect(
      inventory.functions.filter((f) => f.hasPublishedVersion).map((f) => f.functionName),
    ).toEqual(["fn-00010", "fn-00030", "fn-00046"]);
    // $LATEST's configuration: fn-00046 is 128 + 6 × 128 = 896 MB, x86_64.
    const fn46 = inventory.functions.find((f) => f.functionName === "fn-00046");
    expect([fn46?.memoryMb, fn46?.architecture]).toEqual([896, "x86_64"]);

    // One PC listing per versioned function, none for the 57 without a version.
    const pcPaths = callsOf(emulator, PC_LIST)
      .slice(pcCallsBefore)
      .map((c) => c.path)
      .sort();
    expect(pcPaths).toEqual(
      ["fn-00010", "fn-00030", "fn-00046"].map(
        (n) => `/2019-09-30/functions/${n}/provisioned-concurrency`,
      ),
    );
    const pcOf = (name: string) =>
      inventory.functions.find((f) => f.functionName === name)?.provisionedConfigs;
    expect(pcOf("fn-00010")).toEqual([{ qualifier: "live", requested: 3 }]);
    expect(pcOf("fn-00046")).toEqual([{ qualifier: "1", requested: 2 }]);
    expect(pcOf("fn-00030")).toEqual([]);
    expect(pcOf("fn-00000")).toEqual([]);
  });

  it("prices the PC of versioned functions over the whole month", async () => {
    const pcCallsBefore = callsOf(emulator, PC_LIST).length;
    const report = await generateMonthlyReport({
      regions: [REGION],
      month: "2026-10",
      connection: connectionTo(emulator),
    });
    expect(callsOf(emulator, PC_LIST).length - pcCallsBefore).toBe(3);
    expect(report.rows).toHaveLength(60);
    const pcCost = (name: string) =>
      report.rows.find((r) => r.functionName === name)?.provisionedConcurrencyCost.toFixed(10);
    // No PC-served invocations in the history, so the PC cost is the allocation alone, at
    // us-east-1 x86_64 $0.0000041667 per GB-s over 744 h × 3600 s = 2,678,400 s:
    // fn-00046: 2 × (896 / 1024 = 0.875 GB) × 2,678,400 = 4,687,200 GB-s → $19.53015624.
    expect(pcCost("fn-00046")).toBe("19.5301562400");
    // fn-00010: 3 × (384 / 1024 = 0.375 GB) × 2,678,400 = 3,013,200 GB-s → $12.55510044.
    expect(pcCost("fn-00010")).toBe("12.5551004400");
    expect(pcCost("fn-00030")).toBe("0.0000000000");
    expect(pcCost("fn-00001")).toBe("0.0000000000");
  });
});
