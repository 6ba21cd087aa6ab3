/**
 * Reads a report model back from its JSON (renderReportJson's output) as the core's inputs, for
 * `report --merge DIR`: per-account reports made elsewhere (one scheduled Lambda per account)
 * are priced again as one organisation. Numbers travel as JSON numbers written with their
 * decimal digits; each is taken back through its shortest decimal form, exact for the 15
 * significant digits the report's sums carry.
 */
import * as z from "zod/mini";
import { UsageError } from "../core/errors.js";
import { LAMBDA_LIMITS } from "../core/lambda-limits.js";
import { Decimal } from "../core/money/index.js";
import type { FunctionMonthInput } from "../core/report/types.js";
import { escapeControls } from "../core/validation/printable.js";
import { describeIssues } from "../core/validation/zod-issues.js";

const { memoryMb, ephemeralStorageMb } = LAMBDA_LIMITS;
const count = () => z.number().check(z.gte(0), z.lte(1e18));

const region = () =>
  z.string().check(z.regex(/^[a-z]{2}(-[a-z]+)+-\d$/, "must be a region code such as us-east-1"));

const rowSchema = z.object({
  region: region(),
  functionName: z
    .string()
    .check(z.regex(/^[a-zA-Z0-9-_]{1,64}$/, "must be 1-64 letters, digits, - or _")),
  architecture: z.enum(["x86_64", "arm64"]),
  memoryMb: z.int().check(z.gte(memoryMb.min), z.lte(memoryMb.max)),
  ephemeralStorageMb: z.int().check(z.gte(ephemeralStorageMb.min), z.lte(ephemeralStorageMb.max)),
  invocations: count(),
  durationMsSum: count(),
  provisionedInvocations: count(),
  provisionedConcurrency: z._default(z.int().check(z.gte(0), z.lte(1_000_000)), 0),
});

const reportSchema = z.object({
  month: z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/, "must be YYYY-MM")),
  accountId: z.string().check(z.regex(/^\d{12}$/, "must be 12 digits")),
  regions: z.array(region()),
  failedRegions: z._default(z.array(z.object({ region: region(), message: z.string() })), []),
  rows: z.array(rowSchema),
});

export interface ReadReport {
  month: string;
  accountId: string;
  regions: string[];
  failedRegions: Array<{ region: string; message: string }>;
  inputs: FunctionMonthInput[];
}

/** Parses and checks one report JSON; `what` names the file in the one-line error. */
export function parseReportJson(text: string, what: string): ReadReport {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UsageError(
      `${what}: is not JSON (${(error as Error).message}); give a report written by report --format json`,
    );
  }
  const result = reportSchema.safeParse(value);
  if (!result.success) {
    const line = describeIssues(result.error.issues, value, reportSchema);
    throw new UsageError(`${what}: ${line}; give a report written by report --format json`);
  }
  const report = result.data;
  return {
    month: report.month,
    accountId: report.accountId,
    regions: report.regions,
    // The merge prints each failure in its summary: a file's message must not reach the
    // terminal raw (an ANSI escape or a newline in it).
    failedRegions: report.failedRegions.map(({ region, message }) => ({
      region,
      message: escapeControls(message),
    })),
    inputs: report.rows.map((row) => ({
      region: row.region,
      functionName: row.functionName,
      architecture: row.architecture,
      memoryMb: row.memoryMb,
      ephemeralStorageMb: row.ephemeralStorageMb,
      invocations: new Decimal(String(row.invocations)),
      durationMsSum: new Decimal(String(row.durationMsSum)),
      provisionedInvocations: new Decimal(String(row.provisionedInvocations)),
      provisionedConcurrency: row.provisionedConcurrency,
    })),
  };
}

/** `lambda-cost-2026-10-111122223333.json`: the per-account model files a merge reads. */
export const REPORT_JSON_FILE = /^lambda-cost-(\d{4}-\d{2})-(\d{12})\.json$/;
