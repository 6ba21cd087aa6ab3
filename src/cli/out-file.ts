/**
 * `--out FILE`: the command's output goes to FILE instead of stdout, written atomically
 * (src/fs/atomic-write.ts), so a reader never sees half a page. The path is checked before the
 * command does any work: a bad --out is input the user can fix (exit 2), found first.
 */
import { accessSync, constants } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { ConfigError, UsageError } from "../core/errors.js";
import { makeDirectorySync } from "../fs/make-directory.js";
import { resolveOutputTarget, writeOutputSync } from "../fs/output-target.js";
import type { CliIo } from "./io.js";

/**
 * `--out PATH`: its directory is created (or must exist) and writable, and PATH is something
 * output can go to (src/fs/output-target.ts: a file, a link to one, a FIFO or character device).
 */
export function prepareOut(out: string, example = "result.json"): void {
  // "" resolves to the working directory and would only fail at the write, after the work.
  if (out.trim() === "") {
    throw new UsageError(`--out "${out}" is no path; give a file path such as ${example}.`);
  }
  const where = dirname(resolve(out));
  try {
    const target = resolveOutputTarget(out);
    if (target.kind === "refused") {
      const instead = target.reason === "is a directory" ? join(out, example) : example;
      throw new UsageError(`--out ${out} ${target.reason}; give a file path such as ${instead}.`);
    }
    makeDirectorySync(where);
    accessSync(where, constants.W_OK);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new ConfigError(
      `--out ${out}: cannot write in ${where} (${reason}); give a path in a writable directory. Nothing was changed.`,
      { cause: error },
    );
  }
}

/** Writes `text` to `out` (or stdout without one) and says so on stderr. */
export function emitOutput(text: string, out: string | undefined, io: CliIo): void {
  if (out === undefined) {
    io.stdout(text);
    return;
  }
  try {
    writeOutputSync(out, text);
  } catch (error) {
    throw new ConfigError(
      `--out ${out}: cannot write it (${writeFailure(error)}); nothing was written.`,
      {
        cause: error,
      },
    );
  }
  io.stderr(`lambda-cost: wrote ${out}\n`);
}

/** `--out FILE` around a command's run: the path is checked first, then the output written. */
export async function emitToFile(
  out: string,
  example: string,
  produce: () => Promise<string>,
  io: CliIo,
): Promise<void> {
  prepareOut(out, example);
  emitOutput(await produce(), out, io);
}

/** Why writing --out failed, in words where the code alone would puzzle. */
export function writeFailure(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENXIO") return "a FIFO that no process is reading";
  if (code === "EREFUSED") return `it ${(error as Error).message}`;
  return code ?? (error as Error).message;
}
