/**
 * The bin's direct writes to stdout and stderr (src/cli/fd-output.ts): every byte arrives in
 * order, a reader that has gone ends the output quietly, a descriptor that would block hands
 * the rest to the stream, and only what fstat proves is not a terminal is written directly.
 */
import { closeSync, mkdtempSync, openSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FdOutput, type FdOutputDeps, surelyNotTerminal } from "../../src/cli/fd-output.js";
import { ConfigError } from "../../src/core/errors.js";

/** Fake Node: writeSync takes at most `chunkBytes` a call and fails with `failures` in order. */
function fakeNode(options: { terminal?: boolean; chunkBytes?: number; failures?: string[] }) {
  const direct: string[] = [];
  const streamed: string[] = [];
  const failures = [...(options.failures ?? [])];
  const deps: FdOutputDeps = {
    surelyNotTerminal: () => options.terminal !== true,
    writeSync: (_fd, bytes) => {
      const failure = failures.shift();
      if (failure !== undefined && failure !== "ok")
        throw Object.assign(new Error(failure), { code: failure });
      const taken = bytes.subarray(0, options.chunkBytes ?? bytes.length);
      direct.push(Buffer.from(taken).toString("latin1")); // bytes as they were cut
      return taken.length;
    },
    stream: () =>
      ({
        write: (text: string | Uint8Array) => {
          streamed.push(Buffer.from(text).toString("utf8"));
          return true;
        },
      }) as NodeJS.WritableStream,
  };
  return { deps, direct, streamed };
}

describe("FdOutput", () => {
  it("writes a file or pipe's text directly, looping over partial writes", () => {
    const node = fakeNode({ chunkBytes: 4 });
    const output = new FdOutput(1, node.deps);
    output.write("Lambda\n");
    output.write("ab€2\n"); // "€" is 3 bytes: the first write ends inside it
    expect(node.direct).toEqual(["Lamb", "da\n", "ab\u00e2\u0082", "\u00ac2\n"]);
    expect(Buffer.from(node.direct.join(""), "latin1").toString("utf8")).toBe("Lambda\nab€2\n");
    expect(node.streamed).toEqual([]);
  });

  it("drops the rest once the reader has gone (EPIPE), as `| head` expects", () => {
    const node = fakeNode({ failures: ["ok", "EPIPE"] });
    const output = new FdOutput(1, node.deps);
    output.write("first\n");
    output.write("second\n");
    output.write("third\n");
    expect(node.direct).toEqual(["first\n"]);
    expect(node.streamed).toEqual([]);
  });

  it("hands the unwritten rest and all later text to the stream when a write would block (EAGAIN)", () => {
    const node = fakeNode({ chunkBytes: 3, failures: ["ok", "EAGAIN"] });
    const output = new FdOutput(1, node.deps);
    output.write("abcdefgh");
    output.write("ij");
    expect(node.direct).toEqual(["abc"]);
    expect(node.streamed).toEqual(["defgh", "ij"]);
  });

  it("ends standard output with an exit-2 error on any other failure (ENOSPC), and drops standard error's", () => {
    const node = fakeNode({ failures: ["ok", "ENOSPC"] });
    const output = new FdOutput(1, node.deps);
    output.write("+--+\n");
    expect(() => output.write("table\n")).toThrow(
      new ConfigError(
        "cannot write to standard output (ENOSPC); the output is incomplete; free some space or send it elsewhere.",
      ),
    );
    output.write("more\n"); // nothing after the failure
    expect(node.direct).toEqual(["+--+\n"]);
    expect(node.streamed).toEqual([]);

    const errors = fakeNode({ failures: ["EIO"] });
    const standardError = new FdOutput(2, errors.deps);
    standardError.write("lambda-cost: a warning\n");
    standardError.write("lambda-cost: another\n");
    expect(errors.direct).toEqual([]);
    expect(errors.streamed).toEqual([]);
  });

  it("writes to a terminal through the stream, and through the stream after useStream()", () => {
    const terminal = fakeNode({ terminal: true });
    new FdOutput(1, terminal.deps).write("to the terminal\n");
    expect(terminal.streamed).toEqual(["to the terminal\n"]);

    const file = fakeNode({});
    const output = new FdOutput(2, file.deps);
    output.write("before\n");
    output.useStream(); // someone made process.stderr (tune's progress bar)
    output.write("after\n");
    expect(file.direct).toEqual(["before\n"]);
    expect(file.streamed).toEqual(["after\n"]);
  });

  it("writes real bytes to a real file descriptor", () => {
    const path = join(mkdtempSync(join(tmpdir(), "lc-fd-output-")), "out.txt");
    const fd = openSync(path, "w");
    try {
      const output = new FdOutput(fd);
      output.write("┌──┐\n");
      output.write("$0.40\n");
    } finally {
      closeSync(fd);
    }
    expect(readFileSync(path, "utf8")).toBe("┌──┐\n$0.40\n");
  });
});

describe("surelyNotTerminal", () => {
  it("is true for a regular file and /dev/null, false for another character device and a closed descriptor", () => {
    const path = join(mkdtempSync(join(tmpdir(), "lc-fd-kind-")), "file.txt");
    const file = openSync(path, "w");
    const devNull = openSync("/dev/null", "w");
    const devZero = openSync("/dev/zero", "r"); // a character device, as a terminal is
    try {
      expect(surelyNotTerminal(file)).toBe(true);
      expect(surelyNotTerminal(devNull)).toBe(true);
      expect(surelyNotTerminal(devZero)).toBe(false);
    } finally {
      for (const fd of [file, devNull, devZero]) closeSync(fd);
    }
    expect(surelyNotTerminal(devZero)).toBe(false); // closed: fstat fails, so unsure
  });
});
