import { describe, expect, it } from "vitest";
import { dec } from "../../src/core/money/index.js";
import { billedLines, reconcile } from "../../src/core/report/reconcile.js";
import { lineKey, lineOfUsageType, usageTypeOf } from "../../src/core/report/usage-types.js";

describe("Lambda usage types (Price List / Cost Explorer spelling)", () => {
  it.each([
    ["Request", "us-east-1 x86_64 requests"],
    ["USE1-Request-ARM", "us-east-1 arm64 requests"],
    ["EU-Lambda-GB-Second", "eu-west-1 x86_64 duration"],
    ["USE2-Lambda-GB-Second-ARM", "us-east-2 arm64 duration"],
    ["APN1-Lambda-Provisioned-Concurrency", "ap-northeast-1 x86_64 provisioned-concurrency"],
    ["Lambda-Provisioned-GB-Second-ARM", "us-east-1 arm64 provisioned-concurrency"],
    ["EUC1-Lambda-Storage-GB-Second", "eu-central-1 x86_64 ephemeral-storage"],
    ["USE1-Lambda-SnapStart-Restore", "other"],
    ["Global-Request", "other"],
    ["XYZ9-Request", "other"],
  ])("%s → %s", (usageType, key) => {
    expect(lineKey(lineOfUsageType(usageType))).toBe(key);
  });

  it("spells each line back as the Price List does", () => {
    expect(usageTypeOf("duration", "us-east-1", "arm64")).toBe("Lambda-GB-Second-ARM");
    expect(usageTypeOf("requests", "eu-west-1", "x86_64")).toBe("EU-Request");
    expect(usageTypeOf("provisioned-duration", "us-west-2", "x86_64")).toBe(
      "USW2-Lambda-Provisioned-GB-Second",
    );
    expect(usageTypeOf("duration", "cn-north-1", "x86_64")).toBeUndefined();
  });
});

describe("reconcile", () => {
  const line = (kind: "requests" | "duration", cost: string, quantity: string) => ({
    line: { kind, region: "us-east-1", architecture: "x86_64" as const },
    cost: dec(cost),
    quantity: dec(quantity),
    usageTypes: [],
  });
  // Estimated: requests $0.45 (2,250,000 billable), duration $10.00 (600,000 GB-s).
  // Billed: requests $0.45, duration $13.20 for 792,000 GB-s (more GB-s than the metrics: memory
  // raised mid-month), and a $-2.00 credit.
  const estimated = new Map([
    [
      "111122223333",
      new Map([
        ["us-east-1 x86_64 requests", line("requests", "0.45", "2250000")],
        ["us-east-1 x86_64 duration", line("duration", "10.00", "600000")],
      ]),
    ],
  ]);
  const billed = billedLines([
    {
      accountId: "111122223333",
      usageType: "Request",
      cost: dec("0.45"),
      quantity: dec(2_250_000),
    },
    {
      accountId: "111122223333",
      usageType: "Lambda-GB-Second",
      cost: dec("13.20"),
      quantity: dec(792_000),
    },
    { accountId: "111122223333", usageType: "Credit", cost: dec("-2.00"), quantity: dec(0) },
    {
      accountId: "999988887777",
      usageType: "Request",
      cost: dec("0.20"),
      quantity: dec(1_000_000),
    },
  ]);
  const rows = reconcile(estimated, billed);
  const row = (account: string, name: string) =>
    rows.find((r) => r.accountId === account && r.line === name)!;

  it("differences in dollars and percent, per line and per account: 13.20 − 10.00 = 3.20 (+32%)", () => {
    const duration = row("111122223333", "us-east-1 x86_64 duration");
    expect(duration.difference.toFixed()).toBe("3.2");
    expect(duration.differencePercent?.toFixed()).toBe("32");
    expect(duration.likelyCauses).toContain(
      "memory raised during the month (the report uses the current memory)",
    );
    expect(row("111122223333", "us-east-1 x86_64 requests").likelyCauses).toEqual([]);
    // Total: estimated 10.45, billed 0.45 + 13.20 − 2.00 = 11.65 → +1.20.
    expect(row("111122223333", "total").difference.toFixed()).toBe("1.2");
    expect(row("111122223333", "other").likelyCauses).toEqual([
      "credits, refunds or Savings Plans negation",
    ]);
  });

  it("names an account the report did not read", () => {
    expect(row("999988887777", "us-east-1 x86_64 requests").likelyCauses).toEqual([
      "this account was not read (failed or not listed)",
    ]);
  });
});
