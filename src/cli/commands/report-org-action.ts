/**
 * `report --org | --accounts | --accounts-file | --merge` (issue 15), and `--reconcile` for
 * every form: checks the input (exit 2 before any AWS call), assembles the adapters (STS,
 * Organizations, Cost Explorer, the per-region usage source) and the file sink, runs the
 * organisation service, prints. Loaded lazily by ./report-action.ts.
 */
import {
  createReadStream,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AwsConnection } from "../../aws/connection.js";
import { CheckFailedError, UsageError } from "../../core/errors.js";
import { Decimal } from "../../core/money/index.js";
import type { LambdaPriceTable } from "../../core/pricing/types.js";
import { type CalendarMonth, formatMonth } from "../../core/report/month.js";
import type {
  AccountAccess,
  AccountUsageStore,
  OrganizationAccount,
  OrganizationSink,
} from "../../core/report/organization-ports.js";
import type { UsageSource } from "../../core/report/ports.js";
import { claimsOfRows, pricingBasis } from "../../core/report/pricing-basis.js";
import { billedLines, estimatedLines, reconcile } from "../../core/report/reconcile.js";
import type { MonthlyReport } from "../../core/report/types.js";
import { stringifyExact } from "../../output/exact-json.js";
import { renderOrganizationSummary } from "../../output/organization-summary.js";
import {
  reconcileFileName,
  renderReconcileCsv,
  renderReconcileSummary,
} from "../../output/reconcile.js";
import {
  organizationReportFileName,
  renderReportCsv,
  renderReportCsvHeader,
  renderReportCsvRows,
  reportFileName,
} from "../../output/report-csv.js";
import { reportPlaces } from "../../output/report-json.js";
import {
  parseReportJson,
  REPORT_JSON_FILE,
  type ReadReport,
} from "../../output/report-json-read.js";
import type { AccountUsage } from "../../report/account-usage.js";
import { checkNesting, readInputFile } from "../input-file.js";
import { outputWidth } from "../terminal.js";
import type { ReportFlags } from "./report.js";

/** True when the flags ask for more than the account the credentials belong to. */
export function isOrganizationRun(flags: ReportFlags): boolean {
  return Boolean(flags.org || flags.accounts || flags.accountsFile || flags.merge);
}

/** Exactly one way to name the accounts. */
export function checkAccountFlags(flags: ReportFlags): void {
  const given = [
    flags.org && "--org",
    flags.accounts && "--accounts",
    flags.accountsFile && "--accounts-file",
    flags.merge && "--merge",
  ].filter(Boolean);
  if (given.length > 1) {
    throw new UsageError(
      `${given.join(" and ")} are alternatives; give one of --org, --accounts, --accounts-file or --merge`,
    );
  }
}

/** One 12-digit ID per line; blank lines and `#` comments skipped. */
export function readAccountsFile(path: string): string[] {
  const text = readInputFile(path, `--accounts-file ${path}`, 1024 * 1024);
  const ids: string[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    const id = line.replace(/#.*/, "").trim();
    if (id === "") return;
    if (!/^\d{12}$/.test(id)) {
      throw new UsageError(
        `--accounts-file ${path}: line ${i + 1} "${id.slice(0, 40)}" is not a 12-digit account ID; give one ID per line`,
      );
    }
    if (!ids.includes(id)) ids.push(id);
  });
  if (ids.length === 0) {
    throw new UsageError(
      `--accounts-file ${path}: no account IDs in it; give one 12-digit ID per line`,
    );
  }
  return ids;
}

/** The merge's inputs: every `lambda-cost-<month>-<id>.json` in DIR, checked before anything runs. */
export function readMergeDir(dir: string, month: string): ReadReport[] {
  let names: string[];
  try {
    if (!statSync(dir).isDirectory()) throw new Error("not a directory");
    names = readdirSync(dir);
  } catch (error) {
    throw new UsageError(
      `--merge ${dir}: cannot read it as a directory (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); give the directory holding the per-account report JSON files`,
    );
  }
  const files = names.filter((name) => REPORT_JSON_FILE.exec(name)?.[1] === month).sort();
  if (files.length === 0) {
    throw new UsageError(
      `--merge ${dir}: no lambda-cost-${month}-<account-id>.json in it; write each account's report with --format json to such a file (see docs/scheduling.md)`,
    );
  }
  return files.map((name) => {
    const what = `--merge ${join(dir, name)}`;
    const text = readInputFile(join(dir, name), what, 256 * 1024 * 1024);
    checkNesting(text, what, "json");
    const report = parseReportJson(text, what);
    if (report.month !== month || report.accountId !== REPORT_JSON_FILE.exec(name)?.[2]) {
      throw new UsageError(
        `${what}: holds ${report.month} of account ${report.accountId}, not what its name says`,
      );
    }
    return report;
  });
}

export interface OrganizationRunInput {
  flags: ReportFlags;
  month: CalendarMonth;
  /** Regions from --regions (unused by --merge: each file has its own). */
  regions: string[];
  table: LambdaPriceTable;
  /** The caller's own connection (profile, endpoint); region is STS's. */
  connection: AwsConnection;
}

export async function runOrganizationReport(input: OrganizationRunInput): Promise<void> {
  const { flags, month, table, connection } = input;
  checkAccountFlags(flags);
  const monthName = formatMonth(month);
  // Every bad input is refused before the first AWS call.
  const merged = flags.merge ? readMergeDir(flags.merge, monthName) : undefined;
  const listed = flags.accountsFile
    ? readAccountsFile(flags.accountsFile)
    : flags.accounts?.split(",");
  const [{ callerAccountId, assumeRole }, { listOrganizationAccounts }, { createAwsUsageSource }] =
    await Promise.all([
      import("../../aws/assume-role.js"),
      import("../../aws/organization-directory.js"),
      import("../../aws/region-month-usage.js"),
    ]);
  const caller = await callerAccountId(connection);
  let managementAccountId = caller;
  let accounts: OrganizationAccount[];
  const notes: string[] = [];
  if (flags.org) {
    const listing = await listOrganizationAccounts(connection);
    managementAccountId = listing.managementAccountId;
    accounts = listing.accounts;
    for (const gone of listing.inactive) {
      notes.push(`account ${gone.accountId} left out: its state is ${gone.state}, not ACTIVE.`);
    }
  } else if (merged) {
    accounts = merged.map((r) => ({ accountId: r.accountId }));
    notes.push(`merged from ${merged.length} report files in ${flags.merge}.`);
  } else {
    accounts = (listed ?? []).map((accountId) => ({ accountId }));
  }
  const usageConnection = { ...connection, maxAttempts: 6 };
  const access: AccountAccess = merged
    ? mergedAccess(merged)
    : {
        async open(accountId) {
          // The caller's own account needs no role (the management account rarely has one).
          if (accountId === caller) {
            return { source: createAwsUsageSource({ connection: usageConnection }), close() {} };
          }
          const role = assumeRole({
            connection,
            accountId,
            roleName: flags.roleName,
            externalId: flags.externalId,
          });
          try {
            await role.credentials();
          } catch (error) {
            role.destroy();
            throw error;
          }
          return {
            source: createAwsUsageSource({
              connection: { ...usageConnection, credentials: role.credentials },
            }),
            close: () => role.destroy(),
          };
        },
      };
  const sink = fileSink(flags.outDir, monthName, managementAccountId);
  const [{ reportOrganization }, { createCostExplorerBilling }] = await Promise.all([
    import("../../report/organization-report.js"),
    import("../../aws/cost-explorer-billing.js"),
  ]);
  const store = fileUsageStore();
  const run = await reportOrganization(
    {
      month,
      regions: input.regions,
      freeTier: flags.freeTier,
      concurrency: flags.concurrency,
      accountConcurrency: flags.accountConcurrency,
      skipDisabledRegions: flags.regions === "all",
      priceTable: table,
      managementAccountId,
      accounts,
      reconcile: flags.reconcile,
      notes,
    },
    {
      access,
      sink,
      store,
      billing: flags.reconcile ? createCostExplorerBilling(connection) : undefined,
    },
  ).finally(() => store.dispose());
  let reconcilePath: string | undefined;
  if (run.reconciliation) {
    const { writeFileAtomic } = await import("../../report/write-report.js");
    reconcilePath = await writeFileAtomic(
      flags.outDir,
      reconcileFileName(monthName, managementAccountId),
      renderReconcileCsv(monthName, run.reconciliation.rows),
    );
  }
  const summary =
    renderOrganizationSummary(run.summary, run, { maxWidth: outputWidth() }) +
    (run.reconciliation
      ? `\n${renderReconcileSummary(run.reconciliation.rows, run.reconciliation.requests, reconcilePath)}`
      : "");
  if (flags.format === "json") {
    process.stdout.write(
      `${stringifyExact({ organization: run.summary, reconciliation: run.reconciliation ?? null }, { places: reportPlaces })}\n`,
    );
  } else if (flags.format === "csv") {
    process.stderr.write(summary);
    await new Promise<void>((resolve, reject) => {
      createReadStream(run.organizationFile)
        .on("error", reject)
        .on("end", resolve)
        .pipe(process.stdout, { end: false });
    });
  } else {
    process.stdout.write(summary);
  }
  const failed = run.summary.accounts.filter(
    (a) => a.status === "failed" || a.failedRegions.length > 0,
  );
  if (failed.length > 0) {
    throw new CheckFailedError(
      `account ${failed.map((a) => a.accountId).join(", ")} could not be read in full (see the summary); the report covers the others.`,
    );
  }
}

/**
 * Each account's month in a private temporary directory between reading and pricing, so memory
 * holds one account's functions at a time (100,000 functions held as decimals cost ~150 MB).
 */
function fileUsageStore(): AccountUsageStore<AccountUsage> & { dispose(): void } {
  let dir: string | undefined;
  const path = (accountId: string) => {
    dir ??= mkdtempSync(join(tmpdir(), "lambda-cost-org-"));
    return join(dir, `${accountId}.json`);
  };
  return {
    async put(accountId, usage) {
      // Decimal's toJSON is its exact decimal string.
      writeFileSync(path(accountId), JSON.stringify(usage), { mode: 0o600 });
    },
    async take(accountId) {
      const file = path(accountId);
      const usage = JSON.parse(readFileSync(file, "utf8")) as AccountUsage;
      rmSync(file, { force: true });
      for (const input of usage.inputs) {
        input.invocations = new Decimal(input.invocations as unknown as string);
        input.durationMsSum = new Decimal(input.durationMsSum as unknown as string);
        input.provisionedInvocations = new Decimal(
          input.provisionedInvocations as unknown as string,
        );
      }
      return usage;
    },
    dispose() {
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Accounts read from their report files: the same service, no AWS call. */
function mergedAccess(reports: readonly ReadReport[]): AccountAccess {
  const byId = new Map(reports.map((r) => [r.accountId, r]));
  return {
    async open(accountId) {
      const report = byId.get(accountId)!;
      const failed = new Map(report.failedRegions.map((f) => [f.region, f.message]));
      const source: UsageSource = {
        async readRegion(region) {
          const failure = failed.get(region);
          if (failure !== undefined) throw new Error(failure);
          return { region, accountId, inputs: report.inputs.filter((i) => i.region === region) };
        },
      };
      return {
        source,
        regions: [...new Set([...report.regions, ...failed.keys()])].sort(),
        close() {},
      };
    },
  };
}

/** Per-account CSVs as `report` writes them, and the organisation CSV streamed to a temp file. */
function fileSink(outDir: string, month: string, managementAccountId: string): OrganizationSink {
  let organization: import("../../fs/atomic-write.js").AtomicFile | undefined;
  const path = join(outDir, organizationReportFileName(month, managementAccountId));
  return {
    async account(report: MonthlyReport) {
      const { writeFileAtomic } = await import("../../report/write-report.js");
      return writeFileAtomic(
        outDir,
        reportFileName(report.month, report.accountId),
        renderReportCsv(report),
      );
    },
    async appendToOrganization(report) {
      if (!organization) {
        const { openAtomicFile } = await import("../../fs/atomic-write.js");
        organization = openAtomicFile(path);
        organization.write(renderReportCsvHeader());
      }
      organization.write(renderReportCsvRows(report));
    },
    async commitOrganization() {
      if (!organization) {
        const { openAtomicFile } = await import("../../fs/atomic-write.js");
        organization = openAtomicFile(path);
        organization.write(renderReportCsvHeader());
      }
      organization.commit();
      return path;
    },
    async abortOrganization() {
      organization?.abort();
    },
  };
}

/**
 * `--reconcile` for one account: its report's lines against Cost Explorer grouped by
 * USAGE_TYPE. Returns the text to print after the report's summary.
 */
export async function reconcileAccount(
  report: MonthlyReport,
  table: LambdaPriceTable,
  connection: Omit<AwsConnection, "region">,
  outDir: string,
  month: CalendarMonth,
): Promise<string> {
  const [{ createCostExplorerBilling }, { writeFileAtomic }] = await Promise.all([
    import("../../aws/cost-explorer-billing.js"),
    import("../../report/write-report.js"),
  ]);
  const billing = createCostExplorerBilling(connection);
  const usage = await billing.lambdaUsage(month, {
    accountId: report.accountId,
    byLinkedAccount: false,
  });
  const basis = pricingBasis(claimsOfRows(report.rows), table, {
    freeTier: report.freeTier.applied,
    scope: "account",
  });
  const rows = reconcile(
    new Map([[report.accountId, estimatedLines(report, basis, table)]]),
    billedLines(usage),
    { scope: "account" },
  );
  const path = await writeFileAtomic(
    outDir,
    reconcileFileName(report.month, report.accountId),
    renderReconcileCsv(report.month, rows),
  );
  return renderReconcileSummary(rows, billing.requestCount(), path);
}
