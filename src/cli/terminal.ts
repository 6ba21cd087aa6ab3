import { standardOutput } from "./io.js";

/**
 * How wide the table format may print: the terminal's columns (80 when a terminal does not say),
 * unlimited when stdout is piped or redirected, so files and pipes get the natural layout.
 */
export function outputWidth(stream?: NodeJS.WriteStream): number {
  // Standard output learns whether it is a terminal without making process.stdout (fd-output.ts).
  if (stream === undefined && standardOutput.surelyNotTerminal()) return Number.POSITIVE_INFINITY;
  stream ??= process.stdout;
  if (!stream.isTTY) return Number.POSITIVE_INFINITY;
  return stream.columns > 0 ? stream.columns : 80;
}
