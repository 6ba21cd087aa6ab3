/**
 * makeDirectorySync: `mkdir -p` that always returns. Node's recursive mkdir spins forever where
 * mkdir answers ENOENT for a parent that exists (/proc), which hung `--out /proc/x/y`.
 */
import { existsSync, mkdtempSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { makeDirectorySync } from "../../src/fs/make-directory.js";

const dir = mkdtempSync(join(tmpdir(), "lc-mkdir-"));

describe("makeDirectorySync", () => {
  it("creates every missing level, with the mode asked for", () => {
    const target = join(dir, "a", "b", "c");
    makeDirectorySync(target, 0o700);
    expect(statSync(target).isDirectory()).toBe(true);
    expect(statSync(join(dir, "a")).mode & 0o777).toBe(0o700);
  });

  it("an existing directory is fine", () => {
    makeDirectorySync(dir);
    expect(statSync(dir).isDirectory()).toBe(true);
  });

  it("a file in the way is the fs error, not a loop", () => {
    const file = join(dir, "plain-file");
    writeFileSync(file, "x");
    expect(() => makeDirectorySync(join(file, "below"))).toThrow(/ENOTDIR|EEXIST/);
  });

  it.runIf(existsSync("/proc/self"))(
    "under /proc it fails at once (Node's recursive mkdir never returns)",
    () => {
      expect(() => makeDirectorySync("/proc/lambda-cost-missing/below")).toThrow(/ENOENT/);
    },
  );
});
