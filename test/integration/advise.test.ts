/**
 * advise end to end with the real SDK over HTTP against the emulator: an account where each
 * kind of recommendation is built to fire on exactly one function, every saving checked against
 * a hand computation written out here (us-east-1 prices of pricing/lambda.json, read
 * 2026-09-28: x86_64 $0.0000166667 and arm64 $0.0000133334 per GB-s, provisioned concurrency
 * $0.0000041667 / $0.0000033334 per GB-s; CloudWatch Logs $0.50 per GB ingested, $0.03 per
 * GB-month stored); the window is November 2026 (30 days → × 730 / 720 for a month).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AdviceResult, Recommendation } from "../../src/core/advice/index.js";
import { dec } from "../../src/core/money/index.js";
import type { EmulatorHandle } from "../../src/emulator/types.js";
import { adviseOn, startAdviseEmulator } from "./advise-helpers.js";

const MONTH = dec(730).div(720);
const SECONDS_A_MONTH = 730 * 3600;
const GB = 1024 ** 3;

function only(result: AdviceResult, fn: string): Recommendation[] {
  return result.recommendations.filter((r) => r.functionName === fn);
}

function saving(r: Recommendation | undefined) {
  return { lower: r?.monthlySaving.lower.toFixed(), upper: r?.monthlySaving.upper.toFixed() };
}

describe("advise on the designed account (no free tier)", () => {
  let emulator: EmulatorHandle;
  let result: AdviceResult;
  beforeAll(async () => {
    emulator = await startAdviseEmulator();
    result = await adviseOn(emulator);
  });
  afterAll(() => emulator.close());

  it("fires each kind exactly where it is built to, and nowhere else", () => {
    const fired = result.recommendations.map((r) => `${r.kind} ${r.functionName}`).sort();
    expect(fired).toEqual([
      "increase-memory oom-fn",
      "increase-provisioned-concurrency spill-pc",
      "logs-cost logs-heavy",
      "reduce-memory fat-mem",
      "reduce-provisioned-concurrency low-pc",
      "remove-idle-provisioned-concurrency idle-pc",
      "set-log-retention never-expires",
      "switch-to-arm64 x86-node",
    ]);
    expect(result.failures).toEqual([]);
    expect(result.summary.functionsScanned).toBe(12);
    // idle-pc (0 calls) and quiet (30 calls) are under --min-invocations 50.
    expect(result.summary.functionsBelowMinInvocations).toBe(2);
  });

  it("remove-idle-provisioned-concurrency: the whole allocation, 5 × 1 GB × 730 h", () => {
    // 5 × 1 GB × 2,628,000 s × $0.0000041667 = $54.750438
    const expected = dec(5).times(SECONDS_A_MONTH).times("0.0000041667");
    expect(expected.toFixed()).toBe("54.750438");
    const [r] = only(result, "idle-pc");
    expect(saving(r)).toEqual({ lower: expected.toFixed(), upper: expected.toFixed() });
    expect(r?.nextStep).toBe(
      "aws lambda delete-provisioned-concurrency-config --region us-east-1 --function-name idle-pc --qualifier live",
    );
  });

  it("reduce-provisioned-concurrency: 10 → ceil(10 × 0.3 / 0.8) = 4, saving 6 × 0.5 GB at arm64", () => {
    // 6 × 0.5 GB × 2,628,000 s × $0.0000033334 = $26.2805256
    const expected = dec(6).times("0.5").times(SECONDS_A_MONTH).times("0.0000033334");
    expect(expected.toFixed()).toBe("26.2805256");
    const [r] = only(result, "low-pc");
    expect(saving(r)).toEqual({ lower: expected.toFixed(), upper: expected.toFixed() });
    expect(r?.nextStep).toMatch(/--qualifier live --provisioned-concurrent-executions 4$/);
  });

  it("increase-provisioned-concurrency: 60,000 spilled against 240,000 served (25 %), one more, a cost", () => {
    // 300,000 calls: 80 % served by PC, 20 % spilled. 2 × (300,000 / 240,000) = 2.5 → 3.
    // −1 × 1 GB × 2,628,000 s × $0.0000033334 = −$8.7601752
    const expected = dec(-1).times(SECONDS_A_MONTH).times("0.0000033334");
    expect(expected.toFixed()).toBe("-8.7601752");
    const [r] = only(result, "spill-pc");
    expect(saving(r)).toEqual({ lower: expected.toFixed(), upper: expected.toFixed() });
    expect(r?.evidence).toMatch(
      /^60,000 invocations spilled over .* 240,000 served by 2 provisioned \(25 %\)/,
    );
    expect(r?.nextStep).toMatch(/--provisioned-concurrent-executions 3$/);
  });

  it("switch-to-arm64: the month's GB-s at the price difference", () => {
    // 100,000 × 30 calls × 0.1 s × 1 GB = 300,000 GB-s in the window; × 730/720 a month;
    // = 304,166.67 GB-s × ($0.0000166667 − $0.0000133334 = $0.0000033333) = $1.0138788…
    const expected = dec(300_000).times(MONTH).times(dec("0.0000166667").minus("0.0000133334"));
    expect(expected.toFixed(6)).toBe("1.013879");
    const [r] = only(result, "x86-node");
    expect(saving(r)).toEqual({ lower: expected.toFixed(), upper: expected.toFixed() });
  });

  it("reduce-memory: a range from $0 to the I/O-bound saving, and the tune command", () => {
    // Max used 300 MB of 2048: smallest safe = ceil(1.5 × 300 / 64) × 64 = 512 MB.
    // 50,000 × 30 × 0.2 s × 2 GB = 600,000 GB-s; a month × 730/720; × (2048 − 512) / 2048;
    // × $0.0000133334 (arm64) = $6.0833637… upper, $0 lower.
    const expected = dec(600_000).times(MONTH).times(dec(1536).div(2048)).times("0.0000133334");
    expect(expected.toFixed(6)).toBe("6.083364");
    const [r] = only(result, "fat-mem");
    expect(saving(r)).toEqual({ lower: "0", upper: expected.toFixed() });
    expect(r?.nextStep).toBe("lambda-cost tune fat-mem --region us-east-1 --sizes 512..2048");
    expect(r?.evidence).toMatch(/^max memory used 300 MB of 2048 MB/);
  });

  it("increase-memory: out-of-memory calls are a risk with no saving", () => {
    const [r] = only(result, "oom-fn");
    expect(saving(r)).toEqual({ lower: "0", upper: "0" });
    expect(r?.evidence).toMatch(/max memory used 256 MB of 256 MB, \d+ out-of-memory invocations/);
    expect(r?.nextStep).toBe("lambda-cost tune oom-fn --region us-east-1 --sizes 256..512");
  });

  it("logs-cost: ingestion above the duration cost, saving up to the difference", () => {
    // 3,000,000 calls × 5,000 bytes = 15,000,000,000 bytes = 13.97 GB in the window.
    const ingestion = dec(15e9).div(GB).times(MONTH).times("0.50");
    // 3,000,000 × 0.01 s × 0.125 GB = 3,750 GB-s × 730/720 × $0.0000133334.
    const duration = dec(3_750).times(MONTH).times("0.0000133334");
    expect(ingestion.toFixed(2)).toBe("7.08");
    expect(duration.toFixed(4)).toBe("0.0507");
    const [r] = only(result, "logs-heavy");
    expect(saving(r)).toEqual({ lower: "0", upper: ingestion.minus(duration).toFixed() });
  });

  it("set-log-retention: keeps 30 days at the window's rate, saves the storage of the rest", () => {
    // Stored: (31 + 30) days × 10,000 calls × 1,000 bytes = 610,000,000 bytes. 30 days at the
    // window's 300,000,000 bytes / 30 days = 300,000,000 kept; 310,000,000 bytes × $0.03/GB.
    const expected = dec(310_000_000).div(GB).times("0.03");
    expect(expected.toFixed(6)).toBe("0.008661");
    const [r] = only(result, "never-expires");
    expect(saving(r)).toEqual({ lower: expected.toFixed(), upper: expected.toFixed() });
    expect(r?.nextStep).toBe(
      "aws logs put-retention-policy --region us-east-1 --log-group-name /aws/lambda/never-expires --retention-in-days 30",
    );
  });

  it("ranks by upper saving, and totals them", () => {
    const uppers = result.recommendations.map((r) => r.monthlySaving.upper.toNumber());
    expect(uppers).toEqual([...uppers].sort((a, b) => b - a));
    expect(result.recommendations[0]?.kind).toBe("remove-idle-provisioned-concurrency");
    const total = result.recommendations.reduce((t, r) => t.plus(r.monthlySaving.upper), dec(0));
    expect(result.summary.totalMonthlySaving.upper.toFixed()).toBe(total.toFixed());
  });

  it("reports what the scan cost: the bytes Logs Insights scanned at $0.005 per GB", () => {
    // logs-heavy 15,000,000,000 + never-expires 300,000,000 bytes in November.
    expect(result.summary.scan.bytesScanned).toBe(15_300_000_000);
    expect(result.summary.scan.queries).toBe(1);
    expect(result.summary.scan.cost.toFixed()).toBe(
      dec(15_300_000_000).div(GB).times("0.005").toFixed(),
    );
  });
});

describe("advise with the free tier", () => {
  it("counts only GB-s above the free tier: this account uses more, so arm64 saves the same", async () => {
    const emulator = await startAdviseEmulator();
    try {
      const result = await adviseOn(emulator, { freeTier: true });
      const [arm] = only(result, "x86-node");
      // Account: far above 400,000 GB-s a month, so x86-node's 304,166.7 GB-s are all billed.
      const expected = dec(300_000).times(MONTH).times(dec("0.0000166667").minus("0.0000133334"));
      expect(arm?.monthlySaving.upper.toFixed()).toBe(expected.toFixed());
      expect(result.notes.join(" ")).toMatch(/above the free tier \(400,000 GB-s a month/);
    } finally {
      await emulator.close();
    }
  });
});
