/**
 * Where a command run writes and what environment it reads. The bin passes the process's own;
 * tests pass buffers, so bad-input cases run in-process instead of spawning node each time.
 */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  readonly env: NodeJS.ProcessEnv;
}

export const processIo: CliIo = {
  stdout: (text) => {
    process.stdout.write(text);
  },
  stderr: (text) => {
    process.stderr.write(text);
  },
  get env() {
    return process.env;
  },
};

/**
 * Makes `lambda-cost … | head` end quietly: once the reader has gone, what is left to print is
 * dropped. The run is not cut short (tune still puts the function back and exits with its own
 * code); only the lost output is ignored.
 */
export function endQuietlyOnEpipe(stream: NodeJS.WriteStream): void {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE" || error.code === "ERR_STREAM_DESTROYED") return;
    throw error;
  });
}
