/**
 * Where a validation problem is and what was there, in the words every validation message uses
 * (zod issues of user files in ./zod-issues.ts, JSON Schema errors of price tables in
 * ../pricing/schema-errors.ts): `functions[2].snapStart.versions must be a number (got "x")`.
 */

/**
 * `formatPath(["functions", 2, "snapStart"])` is "functions[2].snapStart"; [] is "(top level)".
 * A key that is not a plain name (letters, digits, `_`, `-`, `.`: us-east-1, t3.micro) is
 * quoted like a value, since a record's keys are the user's (tags, environment variables) and
 * a newline or terminal escape in one must not break the line: `functions[0].tags["a b"]`.
 */
export function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return "(top level)";
  return path
    .map((part, index) => {
      if (typeof part === "number") return `[${part}]`;
      const name = String(part);
      if (!/^[\w.-]+$/.test(name) || name.length > 40) return `[${shown(name)}]`;
      return index === 0 ? name : `.${name}`;
    })
    .join("");
}

/** What was actually given at a path, for the message (undefined: nothing was). */
export function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = input;
  for (const part of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<PropertyKey, unknown>)[part];
  }
  return current;
}

/** A given value as JSON, cut to 40 characters so the message stays one readable line. */
export function shown(value: unknown): string {
  if (value === undefined) return "nothing";
  // JSON has no Infinity: JSON.parse makes it of 1e309, and JSON.stringify would say null.
  if (typeof value === "number" && !Number.isFinite(value)) return String(value);
  let text: string;
  try {
    text = JSON.stringify(value);
  } catch {
    // A value nested deep enough to overflow the stack (the CLI refuses such files earlier).
    return "(a value too deeply nested to show)";
  }
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

/** "1 item", "3 items": counts in messages read as English. */
export function countOf(count: number | bigint, noun: string): string {
  return `${count} ${noun}${count === 1 || count === 1n ? "" : "s"}`;
}
