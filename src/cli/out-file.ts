/**
 * `--out FILE`: the command's output goes to FILE instead of stdout, written atomically
 * (src/fs/atomic-write.ts), so a reader never sees half a page. The path is checked before the
 * command does any work: a bad --out is input the user can fix (exit 2), found first.
 */
import { accessSync, constants, existsSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { ConfigError, UsageError } from "../core/errors.js";
import { writeFileAtomicSync } from "../fs/atomic-write.js";
import { makeDirectorySync } from "../fs/make-directory.js";
import type { CliIo } from "./io.js";

/** `--out PATH`: its directory is created (or must exist) and writable, and PATH is no directory. */
export function prepareOut(out: string, example = "result.json"): void {
  // "" resolves to the working directory and would only fail at the write, after the work.
  if (out.trim() === "") {
    throw new UsageError(`--out "${out}" is no path; give a file path such as ${example}.`);
  }
  const where = dirname(resolve(out));
  try {
    if (existsSync(out) && statSync(out).isDirectory()) {
      throw new UsageError(
        `--out ${out} is a directory; give a file path such as ${join(out, example)}.`,
      );
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
    writeFileAtomicSync(out, text);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new ConfigError(`--out ${out}: cannot write it (${reason}); nothing was written.`, {
      cause: error,
    });
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
