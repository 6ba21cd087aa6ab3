/**
 * `tune` in a real pseudo-terminal (util-linux `script`), its raw output replayed into a
 * terminal emulator (@xterm/headless) to get the final screen a person would see. The screen
 * must equal every line the run printed, in order, with the status line gone: a status line that
 * restored a saved cursor position, wrapped, or was left behind would change the screen.
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import xterm from "@xterm/headless";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EmulatorHandle } from "../../src/emulator/types.js";
import { emulatorWith, fn } from "../integration/tune-harness.js";
import { BIN } from "./run-cli.js";

const hasScript = spawnSync("script", ["--version"]).status === 0;
let emulator: EmulatorHandle;
const dir = mkdtempSync(join(tmpdir(), "lc-tune-tty-"));

beforeAll(async () => {
  emulator = await emulatorWith(
    [
      fn("web", { fixedMs: 20, cpuMs: 400, memoryUsedMb: 100 }, { memorySize: 512 }),
      // Over-provisioned: --apply has a change to ask about.
      fn("big", { fixedMs: 20, cpuMs: 400, memoryUsedMb: 100 }, { memorySize: 2048 }),
    ],
    { faults: { updateLatencyMs: 5 } },
  );
});
afterAll(async () => emulator?.close());

/** Runs the bin under a pty of `cols` columns; `input` is typed into the terminal. */
function inTerminal(args: string[], cols: number, input = ""): Promise<string> {
  const quoted = [process.execPath, BIN, ...args].map((a) => `'${a}'`).join(" ");
  const child = spawn(
    "script",
    ["-qfec", `stty cols ${cols} rows 50; exec ${quoted}`, "/dev/null"],
    {
      env: {
        ...process.env,
        AWS_ACCESS_KEY_ID: "test",
        AWS_SECRET_ACCESS_KEY: "test",
        AWS_REGION: "us-east-1",
        XDG_STATE_HOME: dir,
        NO_COLOR: "1",
      },
    },
  );
  let raw = "";
  child.stdout.on("data", (chunk: Buffer) => {
    raw += chunk.toString();
  });
  child.stdin.end(input);
  return new Promise((resolve) => child.on("close", () => resolve(raw)));
}

/** The final screen (scrollback included), right-trimmed lines, trailing blank lines dropped. */
async function screen(raw: string, cols: number): Promise<string[]> {
  const term = new xterm.Terminal({ cols, rows: 50, scrollback: 5000, allowProposedApi: true });
  await new Promise<void>((resolve) => term.write(raw, resolve));
  const buffer = term.buffer.active;
  const lines: string[] = [];
  for (let i = 0; i < buffer.length; i++)
    lines.push(buffer.getLine(i)?.translateToString(true) ?? "");
  while (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  return lines;
}

/**
 * Every line printed, in order, as a terminal of `cols` columns shows it (a longer line, such as
 * a notice naming a long journal path, continues on the next row): the raw output minus the
 * status line's own draws and erases.
 */
function printedLines(raw: string, cols: number): string[] {
  const lines = raw
    // biome-ignore lint/suspicious/noControlCharactersInRegex: terminal control sequences
    .replace(/\r[^\r\n\u001b]*\u001b\[K/g, "")
    .replace(/\r\n/g, "\n")
    .split("\n")
    .flatMap((line) => {
      const cells = [...line];
      const rows: string[] = [];
      for (let i = 0; i < cells.length; i += cols) rows.push(cells.slice(i, i + cols).join(""));
      return rows.length > 0 ? rows : [""];
    });
  while (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  return lines;
}

describe.skipIf(!hasScript)("tune in a terminal", () => {
  const args = ["--sizes", "256,512,1024", "--invocations", "8", "--endpoint-url"];

  it.each([80, 120])(
    "at %i columns the screen shows every printed line, nothing else",
    async (cols) => {
      const raw = await inTerminal(
        ["tune", "web", ...args, emulator.endpoint, "--monthly-invocations", "1000000"],
        cols,
      );
      const lines = await screen(raw, cols);
      expect(lines).toEqual(printedLines(raw, cols));
      // What the issue saw go missing or get mangled:
      const unwrapped = printedLines(raw, Number.POSITIVE_INFINITY);
      expect(
        unwrapped.some((l) => /^lambda-cost: deleted the 3 version\(s\).*as found/.test(l)),
      ).toBe(true);
      for (const line of lines.filter((l) => /^[┌├└│]/.test(l))) expect(line).toMatch(/[┐┤┘│]$/);
      expect(lines.filter((l) => l.includes("tune: "))).toEqual([]);
      const output = lines.filter((l) => !l.startsWith("lambda-cost: "));
      expect(Math.max(...output.map((l) => [...l].length))).toBeLessThanOrEqual(cols);
      // The status line was there from the first AWS call (GetFunction), through publishing.
      const firstDraw = raw.indexOf("\rtune: ");
      expect(firstDraw).toBeGreaterThanOrEqual(0);
      expect(raw.slice(firstDraw)).toMatch(
        /^\rtune: (starting|reading the function's configuration)/,
      );
      expect(firstDraw).toBeLessThan(raw.indexOf("lambda-cost: tune will change web"));
      expect(raw).toContain("tune: publishing a version at 256 MB");
      expect(raw).toMatch(/tune: invoking \[[#-]{20}\] 24\/24 invocations/);
    },
  );

  it("--apply prints the results before it asks, then applies on y", async () => {
    const raw = await inTerminal(
      ["tune", "big", ...args, emulator.endpoint, "--apply"],
      120,
      "y\n",
    );
    const text = (await screen(raw, 120)).join("\n");
    const results = text.indexOf("Recommendation (cost):");
    const question = text.indexOf("[y/N]");
    expect(results).toBeGreaterThan(0);
    expect(question).toBeGreaterThan(results);
    expect(text.slice(question)).toMatch(/lambda-cost: set big to \d+ MB/);
  });
});
