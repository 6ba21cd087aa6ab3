/**
 * The one atomic writer (src/fs/atomic-write.ts) and its users: exclusive random temp names in
 * the target's directory, no temp file left, leftovers of killed writers cleaned on the next
 * write, and a planted file or symlink never redirects a write.
 */
import { spawn } from "node:child_process";
import {
  existsSync,
  lstatSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { removeStaleTemps, writeFileAtomicSync } from "../../src/fs/atomic-write.js";
import { writeFileAtomic } from "../../src/report/write-report.js";

const temp = () => mkdtempSync(join(tmpdir(), "lc-atomic-"));
const leftover = (dir: string, name: string, pid: number) => {
  const path = join(dir, `.${name}.${pid}-0123456789abcdef.lc-tmp`);
  writeFileSync(path, "");
  return path;
};

describe("writeFileAtomicSync", () => {
  it("writes the content with the mode asked, creating the directory, leaving no temp file", () => {
    const dir = join(temp(), "state");
    writeFileAtomicSync(join(dir, "j.json"), "{}\n", { mode: 0o600, dirMode: 0o700 });
    expect(readFileSync(join(dir, "j.json"), "utf8")).toBe("{}\n");
    expect(statSync(join(dir, "j.json")).mode & 0o777).toBe(0o600);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(readdirSync(dir)).toEqual(["j.json"]);
  });

  it("is not redirected by a symlink planted at the old predictable temp name", () => {
    const dir = temp();
    const victim = join(dir, "victim.txt");
    writeFileSync(victim, "precious");
    const target = join(dir, "out.json");
    // Before: `<path>.<pid>.tmp` was written without O_EXCL, so this link sent the bytes to victim.
    symlinkSync(victim, `${target}.${process.pid}.tmp`);
    writeFileAtomicSync(target, "result");
    expect(readFileSync(victim, "utf8")).toBe("precious");
    expect(readFileSync(target, "utf8")).toBe("result");
    expect(lstatSync(target).isSymbolicLink()).toBe(false);
  });

  it("replaces a symlink at the target itself instead of writing through it", () => {
    const dir = temp();
    const victim = join(dir, "victim.txt");
    writeFileSync(victim, "precious");
    symlinkSync(victim, join(dir, "out.json"));
    writeFileAtomicSync(join(dir, "out.json"), "result");
    expect(readFileSync(victim, "utf8")).toBe("precious");
    expect(lstatSync(join(dir, "out.json")).isSymbolicLink()).toBe(false);
  });
});

describe("leftovers of killed writers", () => {
  it("are removed when their writer is gone or they are old; a live writer's are kept", async () => {
    const dir = temp();
    const sleeper = spawn("sleep", ["5"]);
    try {
      const dead = leftover(dir, "a.csv", 999_999_999);
      const live = leftover(dir, "b.csv", sleeper.pid ?? 0);
      const old = leftover(dir, "c.csv", sleeper.pid ?? 0);
      const hourAgo = new Date(Date.now() - 3_600_000);
      utimesSync(old, hourAgo, hourAgo);
      writeFileSync(join(dir, "unrelated.tmp"), "not ours");
      expect(removeStaleTemps(dir).sort()).toEqual(
        [dead, old].map((p) => p.slice(dir.length + 1)).sort(),
      );
      expect(existsSync(live)).toBe(true);
      expect(existsSync(join(dir, "unrelated.tmp"))).toBe(true);
    } finally {
      sleeper.kill();
    }
  });

  it("a killed report's temp file is cleaned by the next report write", async () => {
    const dir = temp();
    leftover(dir, "2026-11.csv", 999_999_999);
    await writeFileAtomic(dir, "2026-11.csv", "a,b\n");
    expect(readdirSync(dir)).toEqual(["2026-11.csv"]);
  });
});
