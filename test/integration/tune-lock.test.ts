/**
 * The lock alias against the emulator with the real SDK: recovery from another machine's lock
 * (no journal here) needs --force and then puts everything back; an alias of that name that tune
 * did not write stops a run; journals and the lock never carry environment values.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { UsageError } from "../../src/core/errors.js";
import { versionDescriptionFor } from "../../src/tune/journal.js";
import { configDigest, encodeLock, LOCK_ALIAS } from "../../src/tune/lock.js";
import { runTune } from "../../src/tune/run-tune.js";
import {
  baseOptions,
  comparable,
  deps,
  emulatorWith,
  fastTempDir,
  fn,
  targetFor,
} from "./tune-harness.js";

const options = { ...baseOptions, sizesMb: [256, 1024], invocations: 3 };

async function attempt(promise: Promise<unknown>) {
  try {
    return { outcome: await promise };
  } catch (error) {
    return { error: error as Error };
  }
}

describe("a run that died on another machine", () => {
  it("blocks other runs; --recover needs --force, then puts everything back from the lock", async () => {
    const emulator = await emulatorWith([fn("kfn", { fixedMs: 50 }, { memorySize: 1024 })]);
    try {
      const before = comparable(emulator, "kfn");
      // What a run on "other-machine" left when it was killed: 256 MB, a version, the lock.
      const target = targetFor(emulator, "kfn");
      const original = await target.snapshot();
      await target.createMarkerAlias(
        LOCK_ALIAS,
        encodeLock({
          runId: "20261201T050000-dead01",
          since: new Date().toISOString(),
          host: "other-machine",
          pid: 4242,
          originalMemoryMb: 1024,
          sizesMb: [256, 1024],
          digest: configDigest(original.configuration),
        }),
      );
      const at256 = await target.setMemory(256, original.revisionId);
      await target.publishVersion(
        at256.revisionId,
        versionDescriptionFor("20261201T050000-dead01"),
      );

      const ordinary = await attempt(
        runTune(options, deps(target, { journalDir: fastTempDir("lc-lock-") })),
      );
      expect(ordinary.error).toBeInstanceOf(UsageError);
      expect(ordinary.error?.message).toMatch(
        /^kfn is being tuned since \d\d:\d\d UTC by other-machine\/pid 4242 \(run 20261201T050000-dead01\); tune changed nothing\. Wait for that run, or run `lambda-cost tune kfn --recover --region us-east-1` if it died\.$/,
      );

      const recover = { ...options, recover: true };
      const unforced = await attempt(
        runTune(recover, deps(target, { journalDir: fastTempDir("lc-lock-") })),
      );
      expect(unforced.error?.message).toMatch(
        /from this machine tune cannot tell whether that run died\. If you are sure it did, run `lambda-cost tune kfn --recover --region us-east-1 --force`\.$/,
      );
      expect(emulator.inspect("us-east-1", "kfn")?.latest.MemorySize).toBe(256);

      const d = deps(target, { journalDir: fastTempDir("lc-lock-") });
      const forced = await runTune({ ...recover, force: true }, d);
      expect(forced).toMatchObject({
        kind: "recovered",
        recovered: { restored: true, memoryRestored: true, deletedVersions: ["1"] },
      });
      expect(comparable(emulator, "kfn")).toEqual(before);
      expect(readdirSync(d.journalDir)).toEqual([]);
    } finally {
      await emulator.close();
    }
  });

  it("an alias of the lock's name that tune did not write stops the run, nothing changed", async () => {
    const emulator = await emulatorWith([fn("kfn", { fixedMs: 50 })]);
    try {
      const target = targetFor(emulator, "kfn");
      await target.createMarkerAlias(LOCK_ALIAS, "someone's own alias");
      const before = comparable(emulator, "kfn");
      const run = await attempt(
        runTune(options, deps(target, { journalDir: fastTempDir("lc-lock-") })),
      );
      expect(run.error?.message).toBe(
        "kfn has an alias named lambda-cost-tune-lock that tune did not write; tune changed nothing. Delete that alias if it is not in use, then try again.",
      );
      expect(comparable(emulator, "kfn")).toEqual(before);
    } finally {
      await emulator.close();
    }
  });
});

describe("secrets stay off disk", () => {
  it("the journal and the lock hold no environment values while a run is under way", async () => {
    const emulator = await emulatorWith([fn("kfn", { fixedMs: 50 })]);
    try {
      emulator.deploy("us-east-1", "kfn", {
        Environment: { Variables: { DB_PASSWORD: "hunter2" } },
      });
      const base = targetFor(emulator, "kfn");
      const journalDir = fastTempDir("lc-lock-");
      const seen: string[] = [];
      const target = {
        ...base,
        invoke: async (...args: Parameters<typeof base.invoke>) => {
          for (const name of readdirSync(journalDir)) {
            seen.push(readFileSync(join(journalDir, name), "utf8"));
          }
          seen.push((await base.getAlias(LOCK_ALIAS))?.description ?? "");
          return base.invoke(...args);
        },
      };
      const outcome = await runTune(options, deps(target, { journalDir }));
      expect(outcome.kind).toBe("result");
      expect(seen.join("\n")).toMatch(/VariablesSha256/);
      expect(seen.join("\n")).not.toMatch(/hunter2|DB_PASSWORD/);
    } finally {
      await emulator.close();
    }
  });
});
