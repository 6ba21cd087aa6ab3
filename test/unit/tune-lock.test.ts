/**
 * The lock alias's description (what recovery on another machine has to go on) and the run
 * identity that tells a dead run from a live one: pid AND process start time.
 */
import { spawn } from "node:child_process";
import { hostname } from "node:os";
import { describe, expect, it } from "vitest";
import { normalizeConfig } from "../../src/aws/function-snapshot.js";
import { configDigest, decodeLock, encodeLock, type LockRecord } from "../../src/tune/lock.js";
import { throttleBackoffMs } from "../../src/tune/measure.js";
import { ownerState, processStartTicks } from "../../src/tune/process-identity.js";

const lock: LockRecord = {
  runId: "20261201T052301-abc123",
  since: "2026-12-01T05:23:01.123Z",
  host: "build-box",
  pid: 4242,
  pidStartTicks: "987654",
  originalMemoryMb: 1024,
  sizesMb: [128, 256, 512, 1024],
  digest: "0123456789abcdef",
};

describe("the lock alias description", () => {
  it("round-trips every field recovery needs, within Lambda's 256 characters", () => {
    const text = encodeLock(lock);
    expect(text).toBe(
      "lambda-cost tune lock; run=20261201T052301-abc123; since=2026-12-01T05:23:01Z; pid=4242; pst=987654; mem=1024; cfg=0123456789abcdef; sizes=128,256,512,1024; host=build-box",
    );
    expect(decodeLock(text)).toEqual({
      ...lock,
      since: "2026-12-01T05:23:01Z",
      sizesRangeMb: undefined,
    });
  });

  it("cuts a long host name, and gives a range when the sizes do not fit", () => {
    const many = Array.from({ length: 40 }, (_, i) => 128 + 64 * i);
    const text = encodeLock({ ...lock, host: "h".repeat(300), sizesMb: many });
    expect(text.length).toBe(256);
    const back = decodeLock(text);
    expect(back?.sizesRangeMb).toEqual([128, 128 + 64 * 39]);
    expect(back?.originalMemoryMb).toBe(1024);
  });

  it("is not mistaken for an alias someone else wrote", () => {
    expect(decodeLock("live traffic")).toBeUndefined();
    expect(decodeLock("lambda-cost tune lock; run=x; pid=abc; mem=1024")).toBeUndefined();
  });
});

describe("secrets stay off disk", () => {
  it("environment values become one digest that still tells a change apart", () => {
    const a = normalizeConfig({ Environment: { Variables: { DB_PASSWORD: "hunter2" } } });
    const b = normalizeConfig({ Environment: { Variables: { DB_PASSWORD: "hunter3" } } });
    expect(JSON.stringify(a)).not.toContain("hunter2");
    expect(JSON.stringify(a)).not.toEqual(JSON.stringify(b));
    expect(configDigest(a)).not.toBe(configDigest(b));
    expect(configDigest({ ...a, MemorySize: 128 })).toBe(configDigest({ ...a, MemorySize: 4096 }));
  });
});

describe("is the run that left a journal or lock still there?", () => {
  it("a live process with the same start time is alive; a reused pid is gone", async () => {
    const sleeper = spawn("sleep", ["5"]);
    try {
      const pid = sleeper.pid ?? 0;
      const ticks = processStartTicks(pid);
      if (ticks === undefined) return; // no /proc here: start times cannot be compared
      expect(ownerState({ host: hostname(), pid, pidStartTicks: ticks })).toBe("alive");
      // The same pid with another start time: the run died and its pid was reused.
      expect(ownerState({ host: hostname(), pid, pidStartTicks: "1" })).toBe("gone");
      expect(ownerState({ host: hostname(), pid })).toBe("unverifiable");
      expect(ownerState({ host: hostname(), pid: 999_999_999 })).toBe("gone");
      expect(ownerState({ host: "another-machine", pid })).toBe("unverifiable");
    } finally {
      sleeper.kill();
    }
  });
});

describe("throttle backoff", () => {
  it("doubles from 100 ms up to 10 s, with half of each step random (no lockstep)", () => {
    expect(throttleBackoffMs(0, () => 0)).toBe(50);
    expect(throttleBackoffMs(0, () => 0.999)).toBe(100);
    expect(throttleBackoffMs(3, () => 0.5)).toBe(600); // step 800: 400 + 0.5 × 400
    expect(throttleBackoffMs(20, () => 0)).toBe(5000); // capped step 10 s
    const waits = new Set([0.1, 0.3, 0.6, 0.9].map((r) => throttleBackoffMs(4, () => r)));
    expect(waits.size).toBe(4);
  });
});
