import { describe, expect, it } from "vitest";
import { dec, roundTo } from "../../src/core/money/index.js";
import { buildMonthlyReport } from "../../src/core/report/build-report.js";
import { parseMonth } from "../../src/core/report/month.js";
import {
  failedAccount,
  reportedAccount,
  summarizeOrganization,
} from "../../src/core/report/organization.js";
import { accountClaims, mergeClaims, pricingBasis } from "../../src/core/report/pricing-basis.js";
import type { FunctionMonthInput } from "../../src/core/report/types.js";
import { TEST_PRICE_TABLE } from "./report-price-table.js";

const month = parseMonth("2026-10");
const six = (value: Parameters<typeof roundTo>[0]) => roundTo(value, 6).toFixed(6);

function fn(functionName: string, invocations: number, durationMsSum: string): FunctionMonthInput {
  return {
    region: "us-east-1",
    functionName,
    architecture: "x86_64",
    memoryMb: 1024,
    ephemeralStorageMb: 512,
    invocations: dec(invocations),
    durationMsSum: dec(durationMsSum),
    provisionedInvocations: dec(0),
    provisionedConcurrency: 0,
  };
}

// Two accounts, one x86_64 function each in us-east-1 at 1024 MB, so GB-s = billed ms / 1000.
// A: 3,000,000 invocations, Sum(Duration) 3,999,998,500,000 ms → billed ms
//    3,999,998,500,000 + 0.5 × 3,000,000 = 4,000,000,000,000 → 4,000,000,000 GB-s.
// B: 1,000,000 invocations, Sum(Duration) 3,999,999,500,000 ms → 4,000,000,000 GB-s.
// Each alone stays in tier 1 (first 6e9 GB-s at $0.0000166667). The organisation's pool is
// 8e9 GB-s and crosses the boundary: 6e9 × 0.0000166667 + 2e9 × 0.000015
//   = 100,000.2 + 30,000 = $130,000.2, blended 130,000.2 / 8e9 = $0.000016250025 per GB-s,
// so each account's duration is 4e9 × 0.000016250025 = $65,000.1 (alone: $66,666.8).
// One free tier for the organisation: requests 3M + 1M = 4M → 1M free, shared 3/4 and 1/4:
//   A 750,000 × $0.0000002 = $0.15, B 250,000 × 0.0000002 = $0.05; GB-s 8e9 → 400,000 free,
//   200,000 each × 0.000016250025 = $3.250005 each.
// A: requests 3M × 0.0000002 = $0.6; total 0.6 + 65,000.1 − (0.15 + 3.250005) = $64,997.299995.
// B: requests $0.2; total 0.2 + 65,000.1 − (0.05 + 3.250005) = $64,996.999995.
// Organisation: $129,994.29999.
const accountA = [fn("orders", 3_000_000, "3999998500000")];
const accountB = [fn("billing", 1_000_000, "3999999500000")];

describe("organisation pricing (consolidated billing)", () => {
  const basis = pricingBasis(
    mergeClaims([accountClaims(accountA, month), accountClaims(accountB, month)]),
    TEST_PRICE_TABLE,
    { freeTier: true, scope: "organization" },
  );
  const organization = { managementAccountId: "111111111111", accountCount: 2 };
  const options = { month, freeTier: true, regions: ["us-east-1"], basis, organization };
  const a = buildMonthlyReport(accountA, TEST_PRICE_TABLE, {
    ...options,
    accountId: "222222222222",
  });
  const b = buildMonthlyReport(accountB, TEST_PRICE_TABLE, {
    ...options,
    accountId: "333333333333",
  });

  it("prices every account at the organisation pool's blended rate, past a boundary no account crosses alone", () => {
    expect(basis.pools.get("us-east-1|x86_64")?.cost.toFixed()).toBe("130000.2");
    expect(a.rows[0]?.blendedRatePerGbSecond.toFixed()).toBe("0.000016250025");
    expect(six(a.totals.durationCost)).toBe("65000.100000");
    expect(six(b.totals.durationCost)).toBe("65000.100000");
    const alone = buildMonthlyReport(accountA, TEST_PRICE_TABLE, {
      month,
      freeTier: false,
      regions: ["us-east-1"],
      accountId: "222222222222",
    });
    expect(six(alone.totals.durationCost)).toBe("66666.800000");
  });

  it("shares one free tier across the organisation in proportion to usage", () => {
    expect(six(a.rows[0]!.freeTierCredit)).toBe("3.400005");
    expect(six(b.rows[0]!.freeTierCredit)).toBe("3.300005");
    expect(a.freeTier.requests.toFixed()).toBe("750000");
    expect(b.freeTier.gbSeconds.toFixed()).toBe("200000");
    expect(six(a.totals.totalCost)).toBe("64997.299995");
    expect(six(b.totals.totalCost)).toBe("64996.999995");
    expect(a.organization).toEqual(organization);
    expect(a.notes.some((n) => n.includes("one allowance for the whole organisation"))).toBe(true);
  });

  it("sums the accounts into the organisation's summary, naming the one that failed", () => {
    const summary = summarizeOrganization(
      [reportedAccount(b), failedAccount("444444444444", "AccessDenied"), reportedAccount(a)],
      basis,
      { month: "2026-10", managementAccountId: "111111111111", priceTableAsOf: "x", notes: [] },
    );
    expect(summary.accounts.map((s) => s.accountId)).toEqual([
      "222222222222",
      "333333333333",
      "444444444444",
    ]);
    expect(six(summary.totals.totalCost)).toBe("129994.299990");
    expect(summary.freeTier.requests.toFixed()).toBe("1000000");
    expect(summary.notes[0]).toContain("account 444444444444 could not be read");
  });
});
