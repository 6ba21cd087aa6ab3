/**
 * Text from a user's file shown on a terminal: every control character (a newline, an ANSI
 * escape, a carriage return) and every invisible reordering or separating one (bidi overrides,
 * U+2028) written as a `\u…` escape, so it can neither break a line nor recolour, move or hide
 * anything on the screen. Printable text, accents and symbols included, is left as it is.
 * @example
 * escapeControls("boom\u001b[2J\nnext"); // "boom\\u001b[2J\\u000anext"
 */
export function escapeControls(text: string): string {
  return text.replace(
    // biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point.
    /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}
