/**
 * Reading a file the user names (`--scenario`, `--payload @file`, `--payloads @file`, emulator
 * `--config`) as hostile input: only regular files (a FIFO or device would block or never end),
 * at most `maxBytes`, and documents nested at most MAX_NESTING deep (deeper ones overflow the
 * stack of every recursive parser, printer and validator downstream).
 *
 * Symlinks are followed, as every Unix tool does with a path it is given to read; what is
 * checked is the file they lead to, on the open descriptor (so a swap after the check cannot
 * slip a FIFO in).
 */
import { closeSync, constants, fstatSync, openSync, readFileSync } from "node:fs";
import { UsageError } from "../core/errors.js";

/** Deeper than any real scenario, event or config (API Gateway events nest about 6 deep). */
export const MAX_NESTING = 64;

const MB = 1024 * 1024;

/** `what` names the input in messages, e.g. "--scenario plan.json". */
export function readInputFile(path: string, what: string, maxBytes: number): string {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO for reading must not wait for a writer.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    throw new UsageError(`${what}: cannot read it (${reason(error)}); give a readable file`);
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) {
      throw new UsageError(`${what}: cannot read it (is a directory); give a file`);
    }
    if (!stat.isFile()) {
      throw new UsageError(
        `${what}: is not a regular file (a pipe, socket or device); give a regular file`,
      );
    }
    if (stat.size > maxBytes) {
      throw new UsageError(
        `${what}: is ${(stat.size / MB).toFixed(1)} MB; files up to ${maxBytes / MB} MB are read`,
      );
    }
    // A byte order mark (Windows editors write one) is not part of the text: JSON.parse
    // refuses it as an "Unexpected token" it shows invisibly.
    return readFileSync(fd, "utf8").replace(/^\ufeff/, "");
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`${what}: cannot read it (${reason(error)}); give a readable file`);
  } finally {
    closeSync(fd);
  }
}

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return "no such file";
  if (code === "EISDIR") return "is a directory";
  if (code === "EACCES") return "permission denied";
  return code ?? (error as Error).message;
}

/**
 * Refuses a document nested deeper than `max`, before any parser sees it: JSON by its brackets
 * (strings skipped), YAML by a count that can only over-estimate (every bracket, plus on each
 * line half its indentation and its `- `, `? ` and `: ` markers: `- - - - 1` nests 4 deep).
 *
 * @example
 * checkNesting("[[1]]", "--payload", "json", 1); // throws UsageError: --payload: nested more than 1 deep; …
 */
export function checkNesting(
  text: string,
  what: string,
  syntax: "json" | "yaml",
  max = MAX_NESTING,
): void {
  const deepest = syntax === "json" ? jsonDepth(text, max) : yamlDepth(text, max);
  if (deepest > max) {
    throw new UsageError(
      `${what}: nested more than ${max} deep; flatten it (no real input nests that deep)`,
    );
  }
}

/** The deepest bracket nesting, or max + 1 as soon as it is passed. */
function jsonDepth(text: string, max: number): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (inString) {
      if (char === "\\") i += 1;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === "[" || char === "{") {
      depth += 1;
      if (depth > max) return depth;
    } else if (char === "]" || char === "}") depth -= 1;
  }
  return 0;
}

function yamlDepth(text: string, max: number): number {
  let brackets = 0;
  for (const line of text.split("\n")) {
    const indent = /^ */.exec(line)?.[0].length ?? 0;
    const markers = line.match(/(?:^|\s)[-?]\s|:\s/g)?.length ?? 0;
    let peak = brackets;
    for (const char of line) {
      if (char === "[" || char === "{") peak = Math.max(peak, ++brackets);
      else if (char === "]" || char === "}") brackets -= 1;
    }
    const depth = Math.max(peak, 0) + Math.floor(indent / 2) + markers;
    if (depth > max) return depth;
  }
  return 0;
}
