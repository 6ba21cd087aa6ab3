/** What a Lambda route handler receives and returns. */
import type { IncomingHttpHeaders } from "node:http";
import { lambdaError, parseJsonBody } from "./http.js";
import type { EmulatorState } from "./state.js";

export interface LambdaRequest {
  state: EmulatorState;
  region: string;
  requestId: string;
  params: Record<string, string>;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface LambdaResponse {
  status: number;
  /** JSON body; omitted for 204. */
  json?: unknown;
  /** Raw body (Invoke payloads). */
  raw?: Buffer;
  headers?: Record<string, string>;
}

export type LambdaHandler = (req: LambdaRequest) => LambdaResponse | Promise<LambdaResponse>;

export function jsonBody(req: LambdaRequest): Record<string, unknown> {
  return parseJsonBody(req.body, () =>
    lambdaError("InvalidRequestContentException", "Could not parse request body into json"),
  );
}

/** A numeric member and its limits (Lambda API reference), named as AWS names it in messages. */
export interface RangeCheck {
  value: unknown;
  /** The member path in AWS's words: `memorySize`, `ephemeralStorage.size`. */
  member: string;
  min: number;
  max: number;
}

/**
 * Every out-of-range member in one 400 ValidationException, worded as AWS does: "1 validation
 * error detected: Value '20000' at 'memorySize' failed to satisfy constraint: Member must have
 * value less than or equal to 10240" (several joined by "; ", "2 validation errors detected").
 */
export function checkRanges(checks: RangeCheck[]): void {
  const problems = checks.flatMap(({ value, member, min, max }) => {
    // A non-integer is a type error, reported by intField as InvalidParameterValueException.
    if (typeof value !== "number" || !Number.isInteger(value)) return [];
    if (value >= min && value <= max) return [];
    const bound = value < min ? `greater than or equal to ${min}` : `less than or equal to ${max}`;
    return [
      `Value '${value}' at '${member}' failed to satisfy constraint: Member must have value ${bound}`,
    ];
  });
  if (problems.length === 0) return;
  const count = `${problems.length} validation error${problems.length === 1 ? "" : "s"} detected`;
  throw lambdaError("ValidationException", `${count}: ${problems.join("; ")}`);
}

/**
 * Reads an optional integer field: a value that is not an integer is 400
 * InvalidParameterValueException; one outside [min, max] is 400 ValidationException.
 */
export function intField(
  body: Record<string, unknown>,
  key: string,
  min: number,
  max: number,
  member = lowerFirst(key),
): number | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "number" || !Number.isInteger(value)) {
    throw lambdaError("InvalidParameterValueException", `${key} must be an integer`);
  }
  checkRanges([{ value, member, min, max }]);
  return value;
}

export function stringField(body: Record<string, unknown>, key: string): string | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") {
    throw lambdaError("InvalidParameterValueException", `${key} must be a string`);
  }
  return value;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** Opaque page markers: base64 of the offset. */
export function decodeMarker(marker: string | null): number {
  if (marker === null || marker === "") return 0;
  const offset = Number(Buffer.from(marker, "base64url").toString("utf8").replace(/^o:/, ""));
  if (!Number.isInteger(offset) || offset < 0) {
    throw lambdaError("InvalidParameterValueException", `Invalid marker: ${marker}`);
  }
  return offset;
}

export function encodeMarker(offset: number): string {
  return Buffer.from(`o:${offset}`, "utf8").toString("base64url");
}

/** MaxItems: 1–10000 accepted, but Lambda returns at most 50 a page. */
export function pageSize(query: URLSearchParams): number {
  const raw = query.get("MaxItems");
  if (raw === null) return 50;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 10_000) {
    throw lambdaError(
      "InvalidParameterValueException",
      `1 validation error detected: Value '${raw}' at 'maxItems' failed to satisfy constraint: Member must have value between 1 and 10000`,
    );
  }
  return Math.min(n, 50);
}
