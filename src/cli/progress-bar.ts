/**
 * The tune status line: one line on stderr, when stderr is a terminal, saying what the run is
 * doing from its first AWS call (reading the function, publishing each size, invoking n/N,
 * putting it back) and for how long.
 *
 * Why it cannot corrupt other output: it is drawn only with "\r" + text + erase-to-end-of-line,
 * never with saved cursor positions or cursor movement between lines; it is cut to one cell
 * less than the terminal's width, so it never wraps; and every other line the run prints goes
 * through `write`, which erases the status line first and draws it again after. Stopping
 * erases it, so the shell prompt lands on a clean line.
 */
import type { TuneProgress } from "./commands/tune-assemble.js";
import { outputWidth } from "./terminal.js";

export interface StatusLine extends TuneProgress {
  /** Writes whole lines to `stream` with the status line out of the way, then redraws it. */
  write(stream: NodeJS.WritableStream, text: string): void;
}

export interface StatusLineOptions {
  stream?: NodeJS.WriteStream;
  now?: () => number;
  /** Redraw interval for the elapsed time; 0 turns the timer off (tests). */
  tickMs?: number;
}

const BAR_CELLS = 20;

export function createStatusLine(options: StatusLineOptions = {}): StatusLine {
  const stream = options.stream ?? process.stderr;
  if (!stream.isTTY) {
    return { update() {}, write: (out, text) => void out.write(text), stop() {} };
  }
  const now = options.now ?? Date.now;
  const started = now();
  let phase = "starting";
  let total = 0;
  let done = 0;
  let shown = false;
  let active = true;
  let timer: ReturnType<typeof setInterval> | undefined;

  const text = () => {
    const seconds = Math.floor((now() - started) / 1000);
    const counts =
      phase === "invoking"
        ? ` [${"#".repeat(Math.round((done / total) * BAR_CELLS)).padEnd(BAR_CELLS, "-")}] ${done}/${total} invocations`
        : "";
    return `tune: ${phase}${counts} (${seconds} s)`;
  };
  const draw = () => {
    if (!active) return;
    // One cell short of the width, so the line never wraps and `\r` always returns to its start.
    const width = Math.max(10, outputWidth(stream) - 1);
    stream.write(`\r${[...text()].slice(0, width).join("")}\x1b[K`);
    shown = true;
  };
  const erase = () => {
    if (shown) stream.write("\r\x1b[K");
    shown = false;
  };
  const tickMs = options.tickMs ?? 1000;
  if (tickMs > 0) {
    timer = setInterval(draw, tickMs);
    timer.unref();
  }
  draw();

  return {
    update(event) {
      if (event.phase !== undefined) phase = event.phase;
      if (event.total !== undefined) {
        total += event.total;
        phase = "invoking";
      }
      if (event.done !== undefined) done = event.done;
      draw();
    },
    write(out, chunk) {
      erase();
      out.write(chunk);
      draw();
    },
    stop() {
      erase();
      active = false;
      if (timer) clearInterval(timer);
    },
  };
}
