/**
 * The runner's safety phases against an in-memory target: publishing, putting back, and
 * recovering from a journal, including someone else's deploy at every step.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConcurrentChangeError } from "../../src/core/tuning/ports.js";
import { Journal, type JournalEntry } from "../../src/tune/journal.js";
import { processStartTicks } from "../../src/tune/process-identity.js";
import { publishOrder, publishSizes } from "../../src/tune/publish.js";
import { putBack } from "../../src/tune/put-back.js";
import { recoverFirst } from "../../src/tune/recover.js";
import { createFakeTarget } from "./tune-fake-target.js";

function newJournal(
  dir: string,
  snap: { revisionId: string; memoryMb: number; configuration: Record<string, unknown> },
) {
  const entry: JournalEntry = {
    format: 2,
    runId: "run1",
    pid: process.pid,
    host: "test",
    startedAt: "2026-11-26T00:00:00Z",
    functionName: "fn",
    functionArn: "arn:aws:lambda:us-east-1:123456789012:function:fn",
    region: "us-east-1",
    accountId: "123456789012",
    phase: "publishing",
    original: {
      revisionId: snap.revisionId,
      memoryMb: snap.memoryMb,
      configuration: snap.configuration,
      digest: "",
    },
    ownRevisionIds: [],
    writtenMemoryMb: [],
    versionDescription: "lambda-cost tune run1",
    createdVersions: [],
    reusedVersions: [],
  };
  return Journal.create(dir, entry);
}

describe("publishOrder", () => {
  it.each([
    [[128, 512, 1024], 1024, [128, 512, 1024]],
    [[1024, 128, 512], 512, [128, 1024, 512]],
    [[256, 128], 1024, [128, 256]],
  ])("%j with original %i → %j", (sizes, original, expected) => {
    expect(publishOrder(sizes, original)).toEqual(expected);
  });
});

describe("publishSizes and putBack", () => {
  it("publishes one version per size, leaves $LATEST as found, deletes only what it created", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tune-"));
    const { target, state } = createFakeTarget({ memoryMb: 1024, preexistingVersions: 2 });
    const original = await target.snapshot();
    const journal = newJournal(dir, original);
    const { versions } = await publishSizes(target, journal, original, [128, 512, 1024], {});
    // 128 and 512 are new; 1024 equals version 2 (the user's latest publish) and is reused.
    expect(Object.fromEntries(versions)).toEqual({ 128: "3", 512: "4", 1024: "5" });
    expect(state.config.MemorySize).toBe(1024);
    expect(journal.entry.createdVersions).toEqual(["3", "4", "5"]);
    const result = await putBack(target, journal);
    expect(result).toMatchObject({ restored: true, deletedVersions: ["3", "4", "5"] });
    expect([...state.versions.keys()]).toEqual(["1", "2"]);
    expect(readdirSync(dir)).toEqual([]);
    expect(state.config).toEqual(original.configuration);
  });

  it("reuses, and never deletes, a version that existed before the run", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tune-"));
    const { target, state } = createFakeTarget({ memoryMb: 512, preexistingVersions: 1 });
    const original = await target.snapshot();
    const journal = newJournal(dir, original);
    const { versions } = await publishSizes(target, journal, original, [512], {});
    expect(versions.get(512)).toBe("1");
    expect(journal.entry.reusedVersions).toEqual(["1"]);
    const result = await putBack(target, journal);
    expect(result.deletedVersions).toEqual([]);
    expect([...state.versions.keys()]).toEqual(["1"]);
    expect(state.calls).not.toContain("setMemory");
  });

  it("stops on someone else's deploy, does not overwrite it, and deletes its own versions", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tune-"));
    let deployed = false;
    const fake = createFakeTarget(
      { memoryMb: 1024 },
      {
        beforeCall: (call, state, count) => {
          // Their deploy lands just before our second memory change.
          if (call === "setMemory" && count === 2 && !deployed) {
            deployed = true;
            state.config.Description = "their deploy";
            state.config.MemorySize = 2048;
            state.revision += 1;
          }
        },
      },
    );
    const original = await fake.target.snapshot();
    const journal = newJournal(dir, original);
    await expect(
      publishSizes(fake.target, journal, original, [128, 256, 1024], {}),
    ).rejects.toBeInstanceOf(ConcurrentChangeError);
    const result = await putBack(fake.target, journal);
    expect(result.restored).toBe(false);
    expect(result.foreignChange).toBe(
      "fn is NOT exactly as found: MemorySize was set to 2048 MB by someone else (found: 1024 MB; tune never wrote that size), kept as they set it; Description changed by someone else meanwhile, kept as they set it",
    );
    expect(result).toMatchObject({ theirFields: ["Description", "MemorySize"], ownNotBack: [] });
    expect(fake.state.config).toMatchObject({ Description: "their deploy", MemorySize: 2048 });
    expect(result.deletedVersions).toEqual(["1"]);
    expect(fake.state.versions.size).toBe(0);
  });

  it("after a kill mid-publish, put-back restores memory from the journal alone", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tune-"));
    const { target, state } = createFakeTarget({ memoryMb: 1024 });
    const original = await target.snapshot();
    const journal = newJournal(dir, original);
    // Simulate: journal saved "about to write 256 MB", the write landed, the process died
    // before saving the new RevisionId.
    journal.update({ writtenMemoryMb: [256], createdVersions: [] });
    await target.setMemory(256, original.revisionId);
    const reread = Journal.find(dir, original);
    expect(reread).toBeDefined();
    const result = await putBack(target, reread as Journal);
    expect(result).toMatchObject({ restored: true, memoryRestored: true });
    expect(state.config.MemorySize).toBe(1024);
  });

  it("writes the journal atomically as readable JSON with the original configuration", () => {
    const dir = mkdtempSync(join(tmpdir(), "tune-"));
    const journal = newJournal(dir, {
      revisionId: "r1",
      memoryMb: 1024,
      configuration: { MemorySize: 1024 },
    });
    journal.update({ createdVersions: ["7"] });
    const onDisk = JSON.parse(readFileSync(journal.path, "utf8")) as JournalEntry;
    expect(onDisk.original).toEqual({
      revisionId: "r1",
      memoryMb: 1024,
      configuration: { MemorySize: 1024 },
      digest: "",
    });
    expect(onDisk.createdVersions).toEqual(["7"]);
    expect(readdirSync(dir).filter((f) => f.endsWith("tmp"))).toEqual([]);
  });
});

describe("putBack finds versions the journal never heard of", () => {
  it("deletes a version published by this run but killed before journaling it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tune-"));
    const { target, state } = createFakeTarget({ memoryMb: 1024, preexistingVersions: 1 });
    const original = await target.snapshot();
    const journal = newJournal(dir, original);
    journal.update({ writtenMemoryMb: [128] });
    const after = await target.setMemory(128, original.revisionId);
    await target.publishVersion(after.revisionId, journal.entry.versionDescription);
    const result = await putBack(target, journal);
    expect(result).toMatchObject({ restored: true, deletedVersions: ["2"] });
    expect([...state.versions.keys()]).toEqual(["1"]);
  });
});

describe("recoverFirst", () => {
  it("refuses while the run that wrote the journal is still alive on this machine", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tune-"));
    const { target } = createFakeTarget();
    const original = await target.snapshot();
    const journal = newJournal(dir, original);
    const sleeper = spawn("sleep", ["5"]);
    try {
      journal.update({ pid: sleeper.pid ?? 0, host: hostname() });
      const ticks = processStartTicks(sleeper.pid ?? 0);
      journal.update({ pidStartTicks: ticks });
      const options = { explicit: true, force: false, notify: () => {} };
      await expect(recoverFirst(target, dir, original, options)).rejects.toThrow(
        new RegExp(
          `another tune run \\(${hostname()}/pid ${sleeper.pid}, started .*\\) is working on fn and still runs; wait for it to finish`,
        ),
      );
      // --force is the way out, whatever the check says.
      const forced = await recoverFirst(target, dir, original, { ...options, force: true });
      expect(forced).toMatchObject({ restored: true });
    } finally {
      sleeper.kill();
    }
  });

  it("puts back after a dead run and says what it did", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tune-"));
    const { target, state } = createFakeTarget({ memoryMb: 1024 });
    const original = await target.snapshot();
    const journal = newJournal(dir, original);
    journal.update({ pid: 999_999_999, host: hostname(), writtenMemoryMb: [256] });
    const after = await target.setMemory(256, original.revisionId);
    await target.publishVersion(after.revisionId, journal.entry.versionDescription);
    const lines: string[] = [];
    const result = await recoverFirst(target, dir, original, {
      explicit: false,
      force: false,
      notify: (line) => lines.push(line),
    });
    expect(result).toMatchObject({ restored: true, memoryRestored: true, deletedVersions: ["1"] });
    expect(state.config.MemorySize).toBe(1024);
    expect(lines[1]).toBe(
      "recovered fn: MemorySize back to 1024 MB; deleted 1 version(s) (1); $LATEST is as it was found.",
    );
  });
});
