/**
 * `--out` onto what is not a plain new file (src/fs/output-target.ts), in-process: a symbolic
 * link keeps pointing at its file, a character device or a FIFO is written into and stays what
 * it was, and a FIFO nobody reads, a socket or a link to nothing is one line and exit 2 instead
 * of a hang or a replaced /dev entry.
 */
import { execFileSync } from "node:child_process";
import {
  closeSync,
  constants,
  lstatSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readlinkSync,
  readSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { expectOneLineExit2, runInProcess } from "./run-in-process.js";

const dir = mkdtempSync(join(tmpdir(), "lc-out-targets-"));
const ESTIMATE = ["estimate", "--memory", "1536", "--duration", "120ms", "--requests", "3M"];
const CSV_HEAD = /^function,region,architecture,name,/;
/**
 * AWS's worked example (3M requests × 120 ms at 1536 MB, after the free tier): 3M × 0.12 s ×
 * 1.5 GB = 540,000 GB-s − 400,000 free = 140,000 GB-s × $0.0000166667 = $2.333338.
 */
const DURATION_LINE = "Duration (tier 1),140000,GB-s,0.0000166667,2.333338";

function makeFifo(name: string): string {
  const path = join(dir, name);
  execFileSync("mkfifo", [path]);
  return path;
}

describe("--out onto links, devices, FIFOs and sockets", () => {
  it("a symbolic link to a file: the file is replaced, the link stays a link", async () => {
    const real = join(dir, "real.csv");
    const link = join(dir, "link.csv");
    writeFileSync(real, "old contents\n");
    symlinkSync(real, link);
    const result = await runInProcess([...ESTIMATE, "--format", "csv", "--out", link]);
    expect(result.code).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe(real);
    expect(readFileSync(real, "utf8")).toMatch(CSV_HEAD);
    expect(readFileSync(real, "utf8")).toContain(DURATION_LINE);
  });

  it("/dev/null: written into, and still a character device", async () => {
    const result = await runInProcess([...ESTIMATE, "--out", "/dev/null"]);
    expect(result).toEqual({ code: 0, stdout: "", stderr: "lambda-cost: wrote /dev/null\n" });
    expect(statSync("/dev/null").isCharacterDevice()).toBe(true);
  });

  it("a FIFO with a reader receives the output and stays a FIFO", async () => {
    const fifo = makeFifo("with-reader");
    // A reader opened without blocking (no writer yet); the output fits in the pipe's buffer.
    const reader = openSync(fifo, constants.O_RDONLY | constants.O_NONBLOCK);
    try {
      const result = await runInProcess([...ESTIMATE, "--format", "csv", "--out", fifo]);
      expect(result.code).toBe(0);
      const buffer = Buffer.alloc(64 * 1024);
      const received = buffer.subarray(0, readSync(reader, buffer)).toString("utf8");
      expect(received).toMatch(CSV_HEAD);
      expect(received).toContain(DURATION_LINE);
    } finally {
      closeSync(reader);
    }
    expect(statSync(fifo).isFIFO()).toBe(true);
  });

  it("a FIFO nobody reads: one line, exit 2, no hang", async () => {
    const fifo = makeFifo("no-reader");
    const result = await runInProcess([...ESTIMATE, "--out", fifo]);
    expectOneLineExit2(result, /cannot write it \(a FIFO that no process is reading\)/, expect);
    expect(statSync(fifo).isFIFO()).toBe(true);
  });

  it("a link to nothing: one line, exit 2, before any work", async () => {
    const link = join(dir, "dangling.json");
    symlinkSync(join(dir, "missing", "target.json"), link);
    const result = await runInProcess([...ESTIMATE, "--out", link]);
    expectOneLineExit2(
      result,
      /--out .*dangling\.json is a symbolic link to nothing; give a file path/,
      expect,
    );
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
  });

  it("a socket: one line, exit 2", async () => {
    const socketPath = join(dir, "sock");
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(socketPath, resolve));
    try {
      const result = await runInProcess([...ESTIMATE, "--out", socketPath]);
      expectOneLineExit2(result, /--out .*sock is a socket; give a file path such as/, expect);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
