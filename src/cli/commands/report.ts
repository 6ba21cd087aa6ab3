/**
 * `lambda-cost report`: what every Lambda function in the account cost last month, from
 * CloudWatch, as a CSV in --out-dir (issue 6). This file declares and checks the flags only;
 * the run is loaded lazily from ./report-action.ts, so the AWS SDK is read only when it runs.
 */
import { Command, InvalidArgumentError } from "commander";
import { MonthError, parseMonth } from "../../core/report/month.js";
import { OUTPUT_FORMATS, type OutputFormat } from "../../output/format.js";
import {
  addFormatOption,
  addFreeTierOption,
  addOutOption,
  addProfileAndEndpointOptions,
} from "../common-options.js";
import type { CliIo } from "../io.js";
import { integerInRange } from "../parse.js";

export interface ReportFlags {
  month: string;
  regions?: string;
  outDir: string;
  format: OutputFormat;
  out?: string;
  html: boolean;
  freeTier: boolean;
  profile?: string;
  endpointUrl?: string;
  concurrency: number;
  /** Organisation runs (issue 15): see report-org-action.ts. */
  org?: boolean;
  accounts?: string;
  accountsFile?: string;
  roleName: string;
  externalId?: string;
  accountConcurrency: number;
  reconcile?: boolean;
  merge?: string;
}

/** "111122223333,444455556666": 12-digit account IDs, comma-separated. */
export function parseAccountsFlag(raw: string): string {
  const parts = raw.split(",").map((p) => p.trim());
  const bad = parts.find((p) => !/^\d{12}$/.test(p));
  if (bad !== undefined) {
    throw new InvalidArgumentError(
      `"${bad}" is not an account ID; use comma-separated 12-digit IDs such as 111122223333,444455556666`,
    );
  }
  return [...new Set(parts)].join(",");
}

/** An IAM role name: 1-64 of letters, digits and +=,.@_- (IAM's rule). */
export function parseRoleName(raw: string): string {
  if (!/^[\w+=,.@-]{1,64}$/.test(raw)) {
    throw new InvalidArgumentError(
      `"${raw}" is not a role name; use 1-64 letters, digits or +=,.@_- (e.g. OrganizationAccountAccessRole)`,
    );
  }
  return raw;
}

/** STS's ExternalId: 2-1224 of letters, digits and +=,.@:/- . */
export function parseExternalId(raw: string): string {
  if (!/^[\w+=,.@:/-]{2,1224}$/.test(raw)) {
    throw new InvalidArgumentError(
      `"${raw}" is not an external ID; use 2-1224 letters, digits or +=,.@:/_-`,
    );
  }
  return raw;
}

/** "previous" or a well-formed YYYY-MM; whether it has ended is checked against the clock later. */
export function parseMonthFlag(raw: string): string {
  if (raw.trim() === "previous") return "previous";
  try {
    parseMonth(raw);
  } catch (error) {
    if (error instanceof MonthError) throw new InvalidArgumentError(error.message);
    throw error;
  }
  return raw.trim();
}

/** "us-east-1,eu-west-1" or "all"; region names are checked against the price table later. */
export function parseRegionsFlag(raw: string): string {
  const parts = raw.split(",").map((p) => p.trim());
  if (raw.trim() === "all") return "all";
  if (parts.some((p) => !/^[a-z]{2}(-[a-z]+)+-\d$/.test(p))) {
    throw new InvalidArgumentError(
      `"${raw}" is not a region list; use comma-separated region codes such as us-east-1,eu-west-1, or "all"`,
    );
  }
  return parts.join(",");
}

export function reportCommand(
  io: CliIo,
  run: (flags: ReportFlags, io: CliIo, now: Date) => Promise<void>,
): Command {
  const command = new Command("report");
  command
    .description(
      "monthly per-function cost report from CloudWatch metrics, written as CSV to --out-dir",
    )
    .option(
      "--month <YYYY-MM|previous>",
      "calendar month (UTC) to report; previous = the last complete month",
      parseMonthFlag,
      "previous",
    )
    .option(
      "--regions <list|all>",
      "comma-separated regions, or all (every region in the price table); default: $AWS_REGION, $AWS_DEFAULT_REGION, the profile's region, us-east-1",
      parseRegionsFlag,
    )
    .option("--out-dir <dir>", "directory the CSV is written to", "reports");
  addFormatOption(
    command,
    OUTPUT_FORMATS,
    "stdout: table = summary + table; json = the report model; csv = the CSV itself; html = a self-contained page with charts (summary to stderr for csv and html). The CSV file is written in every format",
  );
  addOutOption(command, "write what goes to stdout to this file instead (replaced atomically)");
  command.option(
    "--html",
    "also write the report as a self-contained HTML page beside the CSV (same name, .html)",
    false,
  );
  addFreeTierOption(command);
  addProfileAndEndpointOptions(command)
    .option(
      "--concurrency <n>",
      "regions read at once (and PC-configuration calls in flight per region)",
      integerInRange(1, 64),
      4,
    )
    .option(
      "--org",
      "every ACTIVE account of the organisation (Organizations ListAccounts, from the management or a delegated administrator account)",
    )
    .option("--accounts <ids>", "these accounts: comma-separated 12-digit IDs", parseAccountsFlag)
    .option(
      "--accounts-file <file>",
      "these accounts: a file with one 12-digit ID per line (# comments)",
    )
    .option(
      "--role-name <name>",
      "role assumed in each account (session lambda-cost-report)",
      parseRoleName,
      "OrganizationAccountAccessRole",
    )
    .option(
      "--external-id <id>",
      "ExternalId for AssumeRole, when the role's trust policy asks for one",
      parseExternalId,
    )
    .option("--account-concurrency <n>", "accounts read at once", integerInRange(1, 64), 4)
    .option(
      "--reconcile",
      "compare the estimate with Cost Explorer's bill per account and line (GetCostAndUsage, $0.01 a request)",
    )
    .option(
      "--merge <dir>",
      "price the per-account report JSON files in DIR (lambda-cost-<YYYY-MM>-<id>.json) as one organisation, without calling AWS",
    )
    .action(async (flags: ReportFlags) => {
      await run(flags, io, new Date());
    });
  return command;
}
