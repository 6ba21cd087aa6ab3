/**
 * Reads `--payload '{"k":1}'`, `--payload @event.json` and `--payloads @weighted.json` into
 * weighted payloads, failing with one line (exit 2) on anything that is not what we can send.
 */
import { UsageError } from "../../core/errors.js";
import { LAMBDA_LIMITS } from "../../core/lambda-limits.js";
import { shown } from "../../core/validation/issue-path.js";
import type { WeightedPayload } from "../../tune/payloads.js";
import { checkNesting, readInputFile } from "../input-file.js";

/** One event is at most Lambda's 6 MB payload; a weighted list holds a few of them. */
const PAYLOAD_MAX_BYTES = LAMBDA_LIMITS.payloadBytes.max;
const PAYLOADS_MAX_BYTES = 4 * PAYLOAD_MAX_BYTES;

function readAtFile(raw: string, flag: string, maxBytes: number): string {
  const path = raw.slice(1);
  if (!path) throw new UsageError(`${flag} @ needs a file name; e.g. ${flag} @event.json`);
  return readInputFile(path, `${flag} ${raw}`, maxBytes);
}

function parseJson(text: string, what: string): unknown {
  checkNesting(text, what, "json");
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${what} is not valid JSON (${(error as Error).message}).`);
  }
}

export function loadPayloads(payload?: string, payloads?: string): WeightedPayload[] {
  if (payloads !== undefined) {
    if (!payloads.startsWith("@")) {
      throw new UsageError(
        '--payloads takes a file: --payloads @weighted.json with [{"payload": …, "weight": 3}, …].',
      );
    }
    const list = parseJson(
      readAtFile(payloads, "--payloads", PAYLOADS_MAX_BYTES),
      `--payloads ${payloads}`,
    );
    if (!Array.isArray(list) || list.length === 0) {
      throw new UsageError(
        `--payloads ${payloads} must be a non-empty JSON array of {"payload": …, "weight": n}.`,
      );
    }
    return list.map((item: unknown, index) => {
      const entry = item as { payload?: unknown; weight?: unknown } | null;
      if (!entry || typeof entry !== "object" || !("payload" in entry)) {
        throw new UsageError(`--payloads ${payloads}: item ${index} has no "payload".`);
      }
      const weight = entry.weight ?? 1;
      if (typeof weight !== "number" || !Number.isInteger(weight) || weight < 1 || weight > 1000) {
        throw new UsageError(
          `--payloads ${payloads}: item ${index} has weight ${shown(weight)}; use a whole number from 1 to 1000.`,
        );
      }
      return { payload: JSON.stringify(entry.payload), weight };
    });
  }
  if (payload === undefined) return [{ payload: "{}", weight: 1 }];
  const text = payload.startsWith("@")
    ? readAtFile(payload, "--payload", PAYLOAD_MAX_BYTES)
    : payload;
  const what = payload.startsWith("@") ? `--payload ${payload}` : "--payload";
  return [{ payload: JSON.stringify(parseJson(text, what)), weight: 1 }];
}
