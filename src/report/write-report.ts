/**
 * Writes the CSV atomically: the bytes go to a temporary file in the same directory, which is
 * then renamed over the target (rename is atomic within a file system on POSIX). A failed run
 * therefore leaves either the old report or none — never a partial one — and no temporary file.
 */
import { randomBytes } from "node:crypto";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { ConfigError } from "../core/errors.js";

/** Writes `content` to `<dir>/<fileName>` atomically; returns the path. */
export async function writeFileAtomic(
  dir: string,
  fileName: string,
  content: string,
): Promise<string> {
  const target = join(dir, fileName);
  const temporary = join(dir, `.${fileName}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(temporary, content, { encoding: "utf8", flag: "wx" });
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new ConfigError(
      `cannot write the report to ${target} (${reason}); nothing was written.`,
      {
        cause: error,
      },
    );
  }
  return target;
}
