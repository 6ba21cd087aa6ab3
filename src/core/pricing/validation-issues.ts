/**
 * Turns a zod/mini issue into one readable line. zod/mini ships no locale (every message is
 * "Invalid input"), so the field path and the expectation are spelled out here.
 */

/** The parts of a zod issue we read; structural so this file needs no zod import. */
export interface ValidationIssue {
  code: string;
  path: PropertyKey[];
  expected?: string;
  values?: unknown[];
  minimum?: number | bigint;
  maximum?: number | bigint;
  inclusive?: boolean;
  origin?: string;
  format?: string;
  keys?: string[];
  message?: string;
}

/** `formatPath(["regions", "us-east-1", "requestPrice"])` is "regions.us-east-1.requestPrice". */
export function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return "(top level)";
  return path
    .map((part, index) => {
      if (typeof part === "number") return `[${part}]`;
      return index === 0 ? String(part) : `.${String(part)}`;
    })
    .join("");
}

/** Looks up what was actually given at a path, for the message. */
export function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = input;
  for (const part of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<PropertyKey, unknown>)[part];
  }
  return current;
}

export function shown(value: unknown): string {
  if (value === undefined) return "nothing";
  let text: string;
  try {
    text = JSON.stringify(value);
  } catch {
    // A value nested deep enough to overflow the stack (the CLI refuses such files earlier).
    return "(a value too deeply nested to show)";
  }
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

/** What the field should have been, in words. */
function expectation(issue: ValidationIssue): string {
  // A schema's own message (given with { error }) beats the generic wording below.
  if (issue.message && issue.message !== "Invalid input") return issue.message;
  switch (issue.code) {
    case "invalid_type":
      if (issue.expected === "nonoptional") return "must be given";
      return `must be ${/^[aeiou]/.test(issue.expected ?? "") ? "an" : "a"} ${issue.expected}`;
    case "invalid_value":
      return `must be one of ${(issue.values ?? []).map((v) => JSON.stringify(v)).join(", ")}`;
    case "invalid_format":
      return issue.message && issue.message !== "Invalid input"
        ? issue.message
        : `has the wrong format (${issue.format ?? "pattern"})`;
    case "too_small":
      return issue.origin === "array"
        ? `must have at least ${issue.minimum} item(s)`
        : `must be ${issue.inclusive === false ? "greater than" : "at least"} ${issue.minimum}`;
    case "too_big":
      return issue.origin === "array"
        ? `must have at most ${issue.maximum} item(s)`
        : `must be ${issue.inclusive === false ? "less than" : "at most"} ${issue.maximum}`;
    case "unrecognized_keys":
      return `has unknown field(s) ${(issue.keys ?? []).join(", ")}`;
    default:
      return issue.message && issue.message !== "Invalid input" ? issue.message : "is invalid";
  }
}

/**
 * One line for the first issue: `regions.us-east-1.requestPrice must be a string (got 2e-7)`.
 * The rest are counted, not listed, to keep the error to one line.
 */
export function describeIssues(issues: readonly ValidationIssue[], input: unknown): string {
  // An unknown field is most often a typo, and explains the "missing" one: report it first.
  const first = issues.find((i) => i.code === "unrecognized_keys") ?? issues[0];
  if (!first) return "is invalid";
  const path = first.path;
  const got = first.code === "unrecognized_keys" ? "" : ` (got ${shown(valueAt(input, path))})`;
  const more = issues.length > 1 ? `; ${issues.length - 1} more problem(s)` : "";
  return `${formatPath(path)} ${expectation(first)}${got}${more}`;
}
