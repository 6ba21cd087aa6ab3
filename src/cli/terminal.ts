/**
 * How wide the table format may print: the terminal's columns (80 when a terminal does not say),
 * unlimited when stdout is piped or redirected, so files and pipes get the natural layout.
 */
export function outputWidth(stream: NodeJS.WriteStream = process.stdout): number {
  if (!stream.isTTY) return Number.POSITIVE_INFINITY;
  return stream.columns > 0 ? stream.columns : 80;
}
