import { FdOutput } from "./fd-output.js";

/**
 * Where a command run writes and what environment it reads. The bin passes the process's own;
 * tests pass buffers, so bad-input cases run in-process instead of spawning node each time.
 */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  readonly env: NodeJS.ProcessEnv;
}

/** The process's standard output and error (fd-output.ts: written directly unless a terminal). */
export const standardOutput = new FdOutput(1);
export const standardError = new FdOutput(2);

export const processIo: CliIo = {
  stdout: (text) => standardOutput.write(text),
  stderr: (text) => standardError.write(text),
  get env() {
    return process.env;
  },
};

/**
 * Runs `prepare` on `process[name]` when something first reads it, instead of making the stream
 * now (fd-output.ts says what a stream costs at start-up). Node defines both as configurable
 * getters that make the stream on first use; its own getter is put back before `prepare` runs.
 */
export function onFirstUse(
  name: "stdout" | "stderr",
  prepare: (stream: NodeJS.WritableStream) => void,
): void {
  const own = Object.getOwnPropertyDescriptor(process, name);
  if (own?.get === undefined || own.configurable !== true) {
    prepare(process[name]);
    return;
  }
  const makeStream = own.get;
  Object.defineProperty(process, name, {
    configurable: true,
    enumerable: own.enumerable ?? true,
    get() {
      Object.defineProperty(process, name, own);
      const stream = makeStream.call(process) as NodeJS.WritableStream;
      prepare(stream);
      return stream;
    },
  });
}
