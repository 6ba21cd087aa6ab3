/**
 * The one formatter of zod issues: every user file checked by a zod schema (scenario files,
 * the emulator's config, report JSON read back for a merge) reports its first problem as one
 * line saying where, what is wrong and what would be right:
 * `functions[2].snapStart.versions must be a number (got "x")`. zod/mini ships no locale (every
 * message is "Invalid input"), so the expectation is spelled out here from the issue's fields;
 * a schema's own message (`{ error: "must be YYYY-MM" }`) is used where it gives one.
 */
import { closestMatch } from "../closest-match.js";
import { countOf, formatPath, shown, valueAt } from "./issue-path.js";
import { fieldsAt, type SchemaLike } from "./schema-fields.js";

/** The parts of a zod issue we read; structural so this file needs no zod import. */
export interface ValidationIssue {
  readonly code?: string;
  readonly path: readonly PropertyKey[];
  readonly message?: string;
  readonly expected?: string;
  readonly values?: readonly unknown[];
  readonly minimum?: number | bigint;
  readonly maximum?: number | bigint;
  readonly inclusive?: boolean;
  readonly exact?: boolean;
  readonly origin?: string;
  readonly format?: string;
  readonly pattern?: string;
  readonly divisor?: number;
  readonly keys?: readonly string[];
  /** invalid_union: each alternative's issues, with paths relative to the union's value. */
  readonly errors?: readonly (readonly ValidationIssue[])[];
  /** invalid_union of a discriminated union: the discriminator values it knows. */
  readonly options?: readonly unknown[];
  /** invalid_key: what is wrong with the key itself. */
  readonly issues?: readonly ValidationIssue[];
}

/** A schema's own message, or undefined when zod left its placeholder. */
function ownMessage(issue: ValidationIssue): string | undefined {
  return issue.message && issue.message !== "Invalid input" ? issue.message : undefined;
}

const TYPE_NAMES: Readonly<Record<string, string>> = {
  int: "a whole number",
  array: "an array",
  tuple: "an array",
  object: "an object",
  record: "an object",
  map: "an object",
};

function typeName(expected: string): string {
  return TYPE_NAMES[expected] ?? `${/^[aeiou]/.test(expected) ? "an" : "a"} ${expected}`;
}

function quoted(values: readonly unknown[]): string {
  return values.map((value) => JSON.stringify(value)).join(", ");
}

function sizeBound(issue: ValidationIssue, bound: "at least" | "at most"): string {
  const limit = (bound === "at least" ? issue.minimum : issue.maximum) ?? 0;
  const exactly = issue.exact ? "exactly" : bound;
  switch (issue.origin) {
    case "array":
    case "set":
      return `must have ${exactly} ${countOf(limit, "item")}`;
    case "string":
      if (bound === "at least" && limit === 1 && !issue.exact) return "must not be empty";
      return `must be ${exactly} ${countOf(limit, "character")} long`;
    default: {
      const strict = bound === "at least" ? "greater than" : "less than";
      return `must be ${issue.inclusive === false ? strict : bound} ${limit}`;
    }
  }
}

function formatExpectation(issue: ValidationIssue): string {
  if (issue.format === "regex" && issue.pattern) return `must match ${issue.pattern}`;
  return `must be a valid ${issue.format ?? "value"}`;
}

/** What the value should have been, in words (the issue's path is said before it). */
function expectation(issue: ValidationIssue): string {
  const own = ownMessage(issue);
  if (own) return own;
  switch (issue.code) {
    case "invalid_type":
      return issue.expected === "nonoptional"
        ? "must be given"
        : `must be ${typeName(issue.expected ?? "value")}`;
    case "invalid_value": {
      const values = issue.values ?? [];
      return values.length === 1 ? `must be ${quoted(values)}` : `must be one of ${quoted(values)}`;
    }
    case "invalid_format":
      return formatExpectation(issue);
    case "too_small":
      return sizeBound(issue, "at least");
    case "too_big":
      return sizeBound(issue, "at most");
    case "not_multiple_of":
      return `must be a multiple of ${issue.divisor}`;
    case "invalid_union":
      // A discriminated union whose discriminator matched none of its alternatives.
      return issue.options?.length
        ? `must be one of ${quoted(issue.options)}`
        : "matches none of the forms allowed here";
    default:
      return "is invalid";
  }
}

/**
 * The issue that explains a failed union best: when every alternative wanted a different type
 * of value there, one issue naming them all ("must be a number or a string"); otherwise the
 * first issue of the alternative that got furthest into the value (its deepest path), since
 * that is the form the user was writing. Paths come back whole (the union's path first).
 */
function unionCause(issue: ValidationIssue): ValidationIssue {
  if (ownMessage(issue) || !issue.errors?.length) return issue;
  const branches = issue.errors.filter((branch) => branch.length > 0);
  const firsts = branches.map((branch) => branch[0] as ValidationIssue);
  if (firsts.every((first) => first.code === "invalid_type" && first.path.length === 0)) {
    const types = [...new Set(firsts.map((first) => typeName(first.expected ?? "value")))];
    const wanted = `${types.slice(0, -1).join(", ")} or ${types.at(-1)}`;
    return { ...issue, message: `must be ${types.length > 1 ? wanted : types[0]}` };
  }
  const depth = (branch: readonly ValidationIssue[]) =>
    Math.max(...branch.map((i) => i.path.length));
  const best = branches.reduce((a, b) =>
    depth(b) > depth(a) || (depth(b) === depth(a) && b.length < a.length) ? b : a,
  );
  const first = best.find((i) => i.code === "unrecognized_keys") ?? (best[0] as ValidationIssue);
  return leaf({ ...first, path: [...issue.path, ...first.path] });
}

/** Follows unions down to the issue that says what is wrong. */
function leaf(issue: ValidationIssue): ValidationIssue {
  return issue.code === "invalid_union" ? unionCause(issue) : issue;
}

/**
 * The unknown keys for the message: each quoted and cut like a value, and the first three only,
 * so a file of a thousand long keys still gets a line that fits a terminal.
 */
function someKeys(keys: readonly string[]): string {
  const listed = keys.slice(0, 3).map(shown).join(", ");
  return keys.length > 3 ? `${listed} and ${keys.length - 3} more` : listed;
}

/** What would be right instead of unknown fields: the one meant, or the fields there are. */
function unknownFields(
  issue: ValidationIssue,
  input: unknown,
  schema: SchemaLike | undefined,
): { line: string; meant?: string } {
  const keys = issue.keys ?? [];
  const where = formatPath(issue.path);
  const wrong = `${where} has ${keys.length === 1 ? "an unknown field" : "unknown fields"} ${someKeys(keys)}`;
  const known = schema ? fieldsAt(schema, issue.path) : [];
  // A field that is given was not misspelt: only the others can be the one meant.
  const given = valueAt(input, issue.path);
  const unused = known.filter((field) => !(given && Object.hasOwn(given, field)));
  for (const key of keys) {
    const meant = closestMatch(key, unused);
    if (meant) return { line: `${wrong}; did you mean ${JSON.stringify(meant)}?`, meant };
  }
  if (known.length > 0 && known.length <= 12)
    return { line: `${wrong}; the fields here are ${known.join(", ")}` };
  return { line: `${wrong}; remove ${keys.length === 1 ? "it" : "them"} or check the spelling` };
}

/** One line for one issue, without the count of the others. */
function describeIssue(
  raw: ValidationIssue,
  input: unknown,
  schema: SchemaLike | undefined,
): { line: string; meant?: string } {
  const issue = leaf(raw);
  if (issue.code === "unrecognized_keys") return unknownFields(issue, input, schema);
  if (issue.code === "invalid_key") {
    // A record key that is not allowed: the path ends with the key.
    const key = issue.path.at(-1);
    const cause = issue.issues?.[0];
    const right = cause ? expectation(cause) : "is not allowed";
    return {
      line: `${formatPath(issue.path.slice(0, -1))} key ${shown(String(key))} ${right}`,
    };
  }
  const given = valueAt(input, issue.path);
  const got = given === undefined ? " (missing)" : ` (got ${shown(given)})`;
  let line = `${formatPath(issue.path)} ${expectation(issue)}${got}`;
  // A near miss of a fixed set of words ("arm" for "arm64"): the word meant.
  const choices = issue.code === "invalid_union" ? issue.options : issue.values;
  if (choices && typeof given === "string" && !ownMessage(issue)) {
    const words = choices.filter((v): v is string => typeof v === "string");
    const meant = closestMatch(given, words);
    if (meant) line += `; did you mean ${JSON.stringify(meant)}?`;
  }
  return { line };
}

/** Whether `issue` only says that the field `meant` (the one suggested) is missing. */
function missingField(
  issue: ValidationIssue,
  at: readonly PropertyKey[],
  meant: string,
  input: unknown,
) {
  const path = issue.path;
  return (
    path.length === at.length + 1 &&
    at.every((part, i) => path[i] === part) &&
    path[at.length] === meant &&
    valueAt(input, path) === undefined
  );
}

/**
 * One line for a failed parse: the first issue, spelled out, and how many more there are.
 * An unknown field goes first: it is most often a typo, and the cause of a "missing" one (which
 * is then not counted again). Give the schema to have unknown fields answered with the field
 * meant.
 * @example
 * describeIssues(scenarioSchema.safeParse(json).error.issues, json, scenarioSchema)
 * // 'functions[0] has an unknown field "memory"; did you mean "memoryMb"?'
 * // 'functions[2].snapStart.versions must be a number (got "x")'
 * // 'functions must have at least 1 item (got []); 1 more problem'
 */
export function describeIssues(
  issues: readonly ValidationIssue[],
  input: unknown,
  schema?: SchemaLike,
): string {
  const first = issues.find((i) => i.code === "unrecognized_keys") ?? issues[0];
  if (!first) return `${formatPath([])} is invalid`;
  const { line, meant } = describeIssue(first, input, schema);
  const others = issues.filter(
    (issue) => issue !== first && !(meant && missingField(issue, first.path, meant, input)),
  );
  if (others.length === 0) return line;
  const more = countOf(others.length, "more problem");
  return line.endsWith("?") ? `${line} (${more})` : `${line}; ${more}`;
}
