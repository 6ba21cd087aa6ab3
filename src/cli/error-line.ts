/**
 * Turns commander's error messages into the house style, one line:
 * `<what is wrong>; <what would be right>` (program.ts adds the `lambda-cost: ` prefix).
 */

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
