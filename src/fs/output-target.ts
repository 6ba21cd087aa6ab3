/**
 * Writing to a path the user names for output (`--out`, `pricing update --out`). The atomic
 * writer renames a new file over its target; done blindly on a user's path that would replace
 * a symbolic link with a plain file (cutting it from what it points at) and a FIFO or device
 * (`--out /dev/null`, `--out /dev/stdout`; as root, the /dev entry itself) with a regular file.
 * What the path leads to decides instead:
 * - nothing yet, or a regular file: written atomically, through its links (the link stays and
 *   the file it points at is replaced, as the shell's `>` would leave it);
 * - a character device or a FIFO: written straight into, as `>` would (a stream has no old
 *   content to protect); a FIFO nobody reads is refused instead of waiting forever;
 * - anything else (a directory, a block device, a socket, a link to nothing): refused.
 */
import {
  closeSync,
  constants,
  lstatSync,
  openSync,
  realpathSync,
  type Stats,
  statSync,
  writeFileSync,
} from "node:fs";
import { writeFileAtomicSync } from "./atomic-write.js";

export type OutputTarget =
  /** Written atomically at `path` (links resolved). */
  | { kind: "file"; path: string }
  /** Written straight into (a character device or a FIFO). */
  | { kind: "stream"; path: string }
  /** Not writable as output; `reason` completes "--out X …", e.g. "is a directory". */
  | { kind: "refused"; reason: string };

/** What writing output to `path` would do (see the file comment); fs errors other than ENOENT are thrown. */
export function resolveOutputTarget(path: string): OutputTarget {
  const link = statOrNull(path, lstatSync);
  if (link === null) return { kind: "file", path };
  const stats = link.isSymbolicLink() ? statOrNull(path, statSync) : link;
  if (stats === null) return { kind: "refused", reason: "is a symbolic link to nothing" };
  if (stats.isFile()) {
    return { kind: "file", path: link.isSymbolicLink() ? realpathSync(path) : path };
  }
  if (stats.isCharacterDevice() || stats.isFIFO()) return { kind: "stream", path };
  if (stats.isDirectory()) return { kind: "refused", reason: "is a directory" };
  if (stats.isBlockDevice()) return { kind: "refused", reason: "is a block device" };
  return { kind: "refused", reason: "is a socket" };
}

/** An fs-style error for a refused target, so callers map it like any write failure. */
export class OutputRefusedError extends Error {
  readonly code = "EREFUSED";
}

/**
 * Writes `content` as resolveOutputTarget says. A FIFO is first opened without blocking, so one
 * that nobody reads fails with ENXIO at once instead of hanging the command.
 */
export function writeOutputSync(path: string, content: string): void {
  const target = resolveOutputTarget(path);
  if (target.kind === "refused") throw new OutputRefusedError(target.reason);
  if (target.kind === "file") {
    writeFileAtomicSync(target.path, content);
    return;
  }
  if (statSync(path).isFIFO()) closeSync(openSync(path, constants.O_WRONLY | constants.O_NONBLOCK));
  writeFileSync(path, content);
}

function statOrNull(path: string, stat: (path: string) => Stats): Stats | null {
  try {
    return stat(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}
