/**
 * Turns the first error of the compiled JSON Schema validator (Ajv's error shape) into one line
 * in the same words as ../validation/zod-issues.ts: `regions.us-east-1.requestPrice must be a string
 * (got 2e-7)`. Ajv reports the most specific error first.
 */
import { countOf, formatPath, shown, valueAt } from "../validation/issue-path.js";

/** The parts of an Ajv error we read (structural: no Ajv import at run time). */
export interface SchemaError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

/** "/regions/us-east-1/durationTiers/1" → ["regions", "us-east-1", "durationTiers", 1]. */
function pathOf(pointer: string): PropertyKey[] {
  if (pointer === "") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((part) => part.replaceAll("~1", "/").replaceAll("~0", "~"))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/** What a pattern means, by the schema definition it belongs to. */
function patternMeaning(schemaPath: string, pattern: unknown): string {
  if (schemaPath.includes("/decimal/")) {
    return 'must be a plain decimal string such as "0.0000166667"';
  }
  if (schemaPath.includes("/fraction/")) return 'must be a decimal string from "0" to "1"';
  if (schemaPath.includes("/isoDate/")) return "must be a date YYYY-MM-DD";
  if (schemaPath.includes("/sources/") || schemaPath.includes("/text/")) return "must not be empty";
  return `must match ${String(pattern)}`;
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

/**
 * One line for a failed validation: the first (most specific) error, except that a bad key
 * (`propertyNames`) is named by its own error rather than the pattern it failed.
 */
export function describeSchemaErrors(errors: readonly SchemaError[], input: unknown): string {
  const first = errors.find((e) => e.keyword === "propertyNames") ?? errors[0];
  return first ? describeSchemaError(first, input) : "is invalid";
}

/**
 * `describeSchemaError({ instancePath: "/currency", keyword: "const", params: { allowedValue:
 * "USD" }, … }, table)` is `currency must be one of "USD" (got "CNY")`.
 */
export function describeSchemaError(error: SchemaError, input: unknown): string {
  const path = pathOf(error.instancePath);
  const got = () => ` (got ${shown(valueAt(input, path))})`;
  const { params } = error;
  switch (error.keyword) {
    case "type":
      return `${formatPath(path)} must be ${article(String(params.type))}${got()}`;
    case "pattern":
      return `${formatPath(path)} ${patternMeaning(error.schemaPath, params.pattern)}${got()}`;
    case "const":
      return `${formatPath(path)} must be one of ${JSON.stringify(params.allowedValue)}${got()}`;
    case "required":
      return `${formatPath([...path, String(params.missingProperty)])} must be given`;
    case "minItems":
      return `${formatPath(path)} must have at least ${countOf(Number(params.limit), "item")}${got()}`;
    case "minProperties":
      return `${formatPath(path)} must have at least ${Number(params.limit) === 1 ? "1 entry" : `${String(params.limit)} entries`}`;
    case "additionalProperties":
      return `${formatPath(path)} has an unknown field ${JSON.stringify(params.additionalProperty)}; remove it or check the spelling`;
    case "propertyNames":
      return `${formatPath(path)} has a key ${JSON.stringify(params.propertyName)} that is not allowed (e.g. a region code such as us-east-1)`;
    default:
      return `${formatPath(path)} ${error.message ?? "is invalid"}`;
  }
}
