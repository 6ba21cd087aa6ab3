/**
 * Turns commander's error messages into the house style, one line:
 * `<what is wrong>; <what would be right>` (program.ts adds the `lambda-cost: ` prefix).
 */
import { escapeControls } from "../core/validation/printable.js";

/** Flags people reach for from other tools, and the one we take instead. */
const KNOWN_MISTAKES: Record<string, string> = {
  "--output": "--format",
  "-o": "--format",
  "--out-format": "--format",
  "--architecture": "--arch",
  "--memory-size": "--memory",
  "--mem": "--memory",
};

/**
 * @example
 * commanderErrorLine("error: option '--memory <MB>' argument '64' is invalid. \"64\" is below 128; use …")
 * // → '--memory "64" is below 128; use …'
 * commanderErrorLine("error: unknown option '--output'") // → "unknown option --output; did you mean --format?"
 */
export function commanderErrorLine(message: string): string {
  const text = message.replace(/^error: /, "").trim();
  const invalid = /^option '(\S+)[^']*' argument '([\s\S]*)' is invalid\. ([\s\S]*)$/.exec(text);
  if (invalid) {
    const [, flag, value, why = ""] = invalid;
    // Our parsers start with the quoted value; commander's choices and core's own do not.
    if (why.startsWith('"')) return `${flag} ${why}`;
    if (why.startsWith("Allowed choices")) {
      return `${flag} "${value}" is not allowed; ${lowerFirst(why.replace(/\.$/, ""))}`;
    }
    return `${flag}: ${why.replace(/\.$/, "")}`;
  }
  const unknown = /^unknown option '([^'=]+)[^']*'(?:\s*\(Did you mean (\S+?)\?\))?$/.exec(text);
  if (unknown) {
    const [, flag = "", suggestion] = unknown;
    const meant = KNOWN_MISTAKES[flag] ?? suggestion;
    return `unknown option ${flag}; ${meant ? `did you mean ${meant}?` : "see --help for the options"}`;
  }
  const unknownCommand = /^unknown command '([^']*)'(?:\s*\(Did you mean (\S+?)\?\))?$/.exec(text);
  if (unknownCommand) {
    const [, name, suggestion] = unknownCommand;
    const right = suggestion ? `did you mean ${suggestion}?` : "see lambda-cost --help";
    return `unknown command "${name}"; ${right}`;
  }
  const missingValue = /^option '(\S+)[^']*' argument missing$/.exec(text);
  if (missingValue) return `${missingValue[1]} needs a value; see --help for what it takes`;
  const missingOption = /^required option '(\S+)[^']*' not specified$/.exec(text);
  if (missingOption) return `${missingOption[1]} is required; see --help`;
  const missingArgument = /^missing required argument '([^']*)'$/.exec(text);
  if (missingArgument) return `the <${missingArgument[1]}> argument is missing; see --help`;
  return text.replaceAll(/\s*\n\s*/g, "; ");
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** Longer error lines are cut in the middle, keeping their start and their advice at the end. */
const MAX_LINE_CHARS = 1000;

/**
 * The error line as the terminal gets it: control characters escaped (escapeControls), so text
 * from a user's file (a key, a value, a JSON parser's excerpt) can neither break the one line
 * nor recolour, move or hide anything on the screen; and a line of more than MAX_LINE_CHARS cut
 * in the middle (a file's megabyte-long key is not printed whole).
 * @example
 * terminalLine('tags.\u001b[31mk must be a string'); // 'tags.\\u001b[31mk must be a string'
 */
export function terminalLine(message: string): string {
  const safe = escapeControls(message);
  if (safe.length <= MAX_LINE_CHARS) return safe;
  const head = safe.slice(0, 640);
  const tail = safe.slice(-320);
  return `${head} …(${safe.length - 960} characters cut)… ${tail}`;
}
