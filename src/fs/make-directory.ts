/**
 * `mkdir -p` with a bounded number of steps. Node's `mkdirSync(path, { recursive: true })`
 * never returns where mkdir answers ENOENT for a parent that exists (under /proc, for one:
 * `--out /proc/x/y` hung the CLI), so this walks up to the nearest existing directory once and
 * creates the missing ones below it one by one; a refusal is thrown as the fs error it is.
 */
import { mkdirSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";

/** Creates `path` and any missing parents (like `mkdir -p`); an existing directory is fine. */
export function makeDirectorySync(path: string, mode = 0o755): void {
  const missing: string[] = [];
  let current = resolve(path);
  while (!isDirectory(current)) {
    missing.push(current);
    const parent = dirname(current);
    if (parent === current) break; // the root itself is missing: let mkdir say why
    current = parent;
  }
  for (const directory of missing.reverse()) {
    try {
      mkdirSync(directory, { mode });
    } catch (error) {
      // Another process made it meanwhile: as good as made.
      if ((error as NodeJS.ErrnoException).code !== "EEXIST" || !isDirectory(directory)) {
        throw error;
      }
    }
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
