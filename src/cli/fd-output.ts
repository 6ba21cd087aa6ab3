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
import { ConfigError } from "../core/errors.js";

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
 * waiting (EAGAIN: a non-blocking pipe that is full) hands the rest, and all later text, to the
 * stream, which waits. Any other failure of standard output (ENOSPC on a full disk, EIO) is an
 * exit-2 error saying so; standard error's are dropped, as there is nowhere left to say them.
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
    if (this.#route === "gone") return;
    if (!this.surelyNotTerminal()) {
      this.#toStream(text);
      return;
    }
    let rest = Buffer.from(text, "utf8");
    while (rest.length > 0) {
      try {
        rest = rest.subarray(this.deps.writeSync(this.fd, rest));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EAGAIN") {
          this.#failed(error);
          return;
        }
        this.#route = "stream";
        this.#toStream(rest);
        return;
      }
    }
  }

  /** The stream's write; a failure arrives later, as its "error" event (streamFailed). */
  #toStream(text: string | Uint8Array): void {
    try {
      this.deps.stream(this.fd).write(text);
    } catch (error) {
      this.#failed(error);
    }
  }

  /**
   * For the stream's "error" event (a pipe or terminal reports a failed write later): the error
   * to end the run with, or undefined when there is none (the reader has gone, or it is
   * standard error). Nothing more is written to the descriptor either way.
   */
  streamFailed(error: unknown): ConfigError | undefined {
    this.#route = "gone";
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EPIPE" || code === "ERR_STREAM_DESTROYED" || this.fd !== 1) return undefined;
    return outputFailure(error);
  }

  #failed(error: unknown): void {
    const failure = this.streamFailed(error);
    if (failure !== undefined) throw failure;
  }
}

/** Standard output that cannot be written (ENOSPC on a full disk, EIO): one line, exit 2. */
export function outputFailure(error: unknown): ConfigError {
  const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
  return new ConfigError(
    `cannot write to standard output (${reason}); the output is incomplete; free some space or send it elsewhere.`,
    { cause: error },
  );
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
