/**
 * Writes the report CSV through the one atomic writer (src/fs/atomic-write.ts): a failed or
 * killed run leaves either the old report or none — never a partial one — and the next run
 * removes any temporary file a killed run left behind.
 */
import { join } from "node:path";
import { ConfigError } from "../core/errors.js";
import { writeFileAtomicSync } from "../fs/atomic-write.js";

/** Writes `content` to `<dir>/<fileName>` atomically; returns the path. */
export async function writeFileAtomic(
  dir: string,
  fileName: string,
  content: string,
): Promise<string> {
  const target = join(dir, fileName);
  try {
    writeFileAtomicSync(target, content);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new ConfigError(
      `cannot write the report to ${target} (${reason}); nothing was written.`,
      { cause: error },
    );
  }
  return target;
}
