/**
 * The bin's standard output and error, written straight to the file descriptor when it is a
 * file, a pipe, a socket or /dev/null, and through `process.stdout` / `process.stderr` only for
 * a terminal. Making the first of those streams loads Node's stream modules: ~28M instructions
 * of the ~113M that `estimate` adds to bare node's start-up (callgrind, Node 20.20). Asking
 * node:tty whether the descriptor is a terminal would load more still (net and the streams:
 * ~44M), so one fstat answers it: only a character device can be a terminal, and /dev/null
 * (what `>/dev/null` and a spawn's "ignore" give) is the one character device known not to be.
 * A terminal keeps the stream, which knows the window's columns.
 */
import { fstatSync, statSync, writeSync } from "node:fs";

/** What an FdOutput uses of Node; the tests pass fakes to reach EAGAIN and EPIPE. */
export interface FdOutputDeps {
  /** Whether the descriptor is surely not a terminal. */
  surelyNotTerminal(fd: number): boolean;
  writeSync(fd: number, bytes: Uint8Array): number;
  /** The process's stream for the descriptor, created on first use. */
  stream(fd: number): NodeJS.WritableStream;
}

export const nodeFdDeps: FdOutputDeps = {
  surelyNotTerminal,
  writeSync: (fd, bytes) => writeSync(fd, bytes),
  stream: (fd) => (fd === 1 ? process.stdout : process.stderr),
};

/**
 * Writes to one descriptor. A reader that has gone (EPIPE) ends the output quietly, as the
 * stream's handler does (`lambda-cost … | head`); a descriptor that cannot take more without
 * waiting (EAGAIN: a non-blocking pipe that is full) or fails otherwise hands the rest, and all
 * later text, to the stream, which waits for it or reports the error as it did before.
 */
export class FdOutput {
  #route: "unknown" | "direct" | "stream" | "gone" = "unknown";

  constructor(
    private readonly fd: number,
    private readonly deps: FdOutputDeps = nodeFdDeps,
  ) {}

  /** True when the descriptor is surely not a terminal (its text is then written directly). */
  surelyNotTerminal(): boolean {
    if (this.#route === "unknown")
      this.#route = this.deps.surelyNotTerminal(this.fd) ? "direct" : "stream";
    return this.#route !== "stream";
  }

  /**
   * From now on, write through the stream: something else made it (tune's progress bar writes to
   * process.stderr), and text must not overtake what that stream still holds.
   */
  useStream(): void {
    this.#route = "stream";
  }

  write(text: string): void {
    if (!this.surelyNotTerminal()) {
      this.deps.stream(this.fd).write(text);
      return;
    }
    if (this.#route === "gone") return;
    let rest = Buffer.from(text, "utf8");
    while (rest.length > 0) {
      try {
        rest = rest.subarray(this.deps.writeSync(this.fd, rest));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "EPIPE") {
          this.#route = "gone";
          return;
        }
        this.#route = "stream";
        this.deps.stream(this.fd).write(rest);
        return;
      }
    }
  }
}

/** Whether `fd` is surely not a terminal, from fstat alone (false when unsure). */
export function surelyNotTerminal(fd: number): boolean {
  try {
    const stats = fstatSync(fd);
    if (!stats.isCharacterDevice()) return true;
    return stats.rdev === statSync("/dev/null").rdev;
  } catch {
    return false;
  }
}
