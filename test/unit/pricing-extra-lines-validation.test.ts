/**
 * The library's one-line UsageErrors for the new lines' fields, and the PricingDataError for a
 * line the table has no price for in the region.
 */
import { describe, expect, it } from "vitest";
import { PricingDataError, UsageError } from "../../src/core/errors.js";
import {
  type FunctionUsage,
  type PricingOptions,
  priceLambda,
} from "../../src/core/pricing/index.js";
import { loadLambdaPriceTable } from "../../src/prices/lambda-prices.js";

const table = loadLambdaPriceTable();
const base: FunctionUsage = {
  region: "us-east-1",
  architecture: "x86_64",
  memoryMb: 1024,
  monthlyRequests: 1000,
  averageDurationMs: 100,
};

const run =
  (extra: Partial<FunctionUsage>, options: Partial<PricingOptions> = {}) =>
  () =>
    priceLambda([{ ...base, ...extra }], table, { freeTier: false, ...options });

describe("bad extra-line usage is one UsageError naming the field", () => {
  it.each([
    [{ runtime: "Python 3.12" }, /runtime must be a Lambda runtime identifier/],
    [
      { snapStart: { versions: 0, activeHours: 1, restores: 1 } },
      /snapStart\.versions must be a whole number from 1/,
    ],
    [
      { snapStart: { versions: 1, activeHours: 745, restores: 1 } },
      /snapStart\.activeHours must be a number from 0 to 744/,
    ],
    [{ snapStart: { versions: 1, activeHours: 1 } }, /snapStart needs exactly one of restores/],
    [
      { snapStart: { versions: 1, activeHours: 1, restoreRate: 1.5 } },
      /snapStart\.restoreRate must be a number from 0 to 1/,
    ],
    [
      {
        snapStart: { versions: 1, activeHours: 1, restores: 1 },
        provisioned: { concurrency: 1, hoursPerMonth: 1, requests: 0, averageDurationMs: 1 },
      },
      /snapStart cannot be combined with provisioned \(SnapStart does not support provisioned concurrency\)/,
    ],
    [{ streaming: { responseGroups: [] } }, /streaming\.responseGroups must be a non-empty list/],
    [
      { streaming: { responseGroups: [{ responses: 1, averageResponseKb: -1 }] } },
      /averageResponseKb must be a number from 0/,
    ],
    [
      { edge: true, architecture: "arm64" as const },
      /edge cannot be combined with architecture arm64 \(Lambda@Edge runs on x86_64 only\)/,
    ],
    [
      { tenantIsolation: { newEnvironments: 1.5 } },
      /tenantIsolation\.newEnvironments must be a whole number/,
    ],
    [
      {
        durable: {
          executions: 1,
          operationsPerExecution: 1,
          dataWrittenKbPerExecution: 1,
          runningDays: 0,
          retentionDays: 91,
        },
      },
      /durable\.retentionDays must be a number from 1 to 90/,
    ],
    [
      { managedInstances: { instanceType: "m7g.xlarge", instanceHours: -1 } },
      /managedInstances\.instanceHours must be a number from 0/,
    ],
    [
      { managedInstances: { instanceType: "m7g.xlarge", instanceHours: 1 }, edge: true },
      /managedInstances cannot be combined with edge/,
    ],
    [
      { logs: { ingestedGb: 1, logClass: "cold" as "standard", storedGb: 0 } },
      /logs\.logClass must be one of standard, infrequentAccess; got "cold"/,
    ],
    [
      { logs: { ingestedGb: Number.NaN, logClass: "standard" as const, storedGb: 0 } },
      /logs\.ingestedGb must be a number/,
    ],
  ] as Array<[Partial<FunctionUsage>, RegExp]>)("%j", (extra, message) => {
    expect(run(extra)).toThrow(UsageError);
    expect(run(extra)).toThrow(message);
  });

  it("checks the account usage too", () => {
    expect(run({}, { account: { streamingFreeGib: -1 } })).toThrow(
      /streamingFreeGiB must be a number from 0/,
    );
    expect(
      run(
        {},
        {
          account: {
            eventPollers: [{ region: "us-east-1", source: "kinesis" as "sqs", epuHours: 1 }],
          },
        },
      ),
    ).toThrow(/eventPollers\[0\]\.source must be one of kafka, sqs; got "kinesis"/);
  });
});

describe("a line without prices", () => {
  it("is a PricingDataError naming the regions that have them", () => {
    expect(run({ region: "eu-west-1", tenantIsolation: { newEnvironments: 1 } })).toThrow(
      PricingDataError,
    );
    expect(run({ region: "eu-west-1", edge: true })).toThrow(
      /no Lambda@Edge prices for eu-west-1 \(it has them for us-east-1\)/,
    );
  });

  it("LMI needs the on-demand price of the instance type (the fee is 15% of it)", () => {
    expect(run({ managedInstances: { instanceType: "m7g.xlarge", instanceHours: 1 } })).toThrow(
      /no on-demand price for m7g\.xlarge in us-east-1/,
    );
  });
});
