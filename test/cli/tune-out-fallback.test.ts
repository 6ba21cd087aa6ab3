/**
 * `tune --out FILE` when FILE passes the pre-flight check but the write fails after the paid
 * run (a full disk, the directory removed meanwhile): the result must still reach stdout, the
 * function must be back as found, and the exit code says the check failed (1). The failure is
 * injected into the one atomic writer for that path only; the journal keeps writing normally.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import type { EmulatorHandle } from "../../src/emulator/types.js";
import { comparable, emulatorWith, fn } from "../integration/tune-harness.js";
import { runInProcess } from "./run-in-process.js";

const dir = mkdtempSync(join(tmpdir(), "lc-tune-out-fallback-"));
const outPath = join(dir, "results", "tune.json");

vi.mock("../../src/fs/atomic-write.js", async (importOriginal) => {
  const actual = await importOriginal<typeof import("../../src/fs/atomic-write.js")>();
  return {
    ...actual,
    writeFileAtomicSync: (...args: Parameters<typeof actual.writeFileAtomicSync>) => {
      if (String(args[0]).endsWith(join("results", "tune.json"))) {
        throw Object.assign(new Error("no space left on device"), { code: "ENOSPC" });
      }
      return actual.writeFileAtomicSync(...args);
    },
  };
});

let emulator: EmulatorHandle;
beforeAll(async () => {
  emulator = await emulatorWith([fn("web", { fixedMs: 20, cpuMs: 400, memoryUsedMb: 100 })]);
});
afterAll(async () => emulator.close());

it("a failed --out write still prints the result on stdout, puts the function back, exits 1", async () => {
  const before = comparable(emulator, "web");
  const result = await runInProcess(
    [
      "tune",
      "web",
      "--sizes",
      "512,1024",
      "--invocations",
      "5",
      "--format",
      "json",
      "--out",
      outPath,
      "--endpoint-url",
      emulator.endpoint,
    ],
    {
      AWS_ACCESS_KEY_ID: "test",
      AWS_SECRET_ACCESS_KEY: "test",
      AWS_REGION: "us-east-1",
      XDG_STATE_HOME: dir,
    },
  );
  expect(result.code).toBe(1);
  const printed = JSON.parse(result.stdout);
  expect(printed.function).toBe("web");
  expect(printed.sizes.map((s: { memoryMb: number }) => s.memoryMb)).toEqual([512, 1024]);
  expect(result.stderr).toContain(
    `could not write ${outPath} (ENOSPC); the result above went to stdout instead.`,
  );
  expect(comparable(emulator, "web")).toEqual(before);
});
