/**
 * The report run behind `lambda-cost report`: check the input (exit 2 before any AWS call),
 * generate, write the CSV atomically, print. Loaded lazily by ./report.ts.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { CheckFailedError, UsageError } from "../../core/errors.js";
import { MonthError, resolveReportMonth } from "../../core/report/month.js";
import { renderReportCsv, reportFileName } from "../../output/report-csv.js";
import { renderReportJson } from "../../output/report-json.js";
import { renderReportSummary } from "../../output/report-summary.js";
import { renderReportTable } from "../../output/report-table.js";
import { loadLambdaPriceTable } from "../../prices/lambda-prices.js";
import { resolveAwsCommandSettings } from "../common-options.js";
import type { CliIo } from "../io.js";
import { emitOutput, prepareOut } from "../out-file.js";
import { resolveRegionsFlag } from "../regions-flag.js";
import { outputWidth } from "../terminal.js";
import type { ReportFlags } from "./report.js";
import { isOrganizationRun, reconcileAccount, runOrganizationReport } from "./report-org-action.js";

export async function runReport(flags: ReportFlags, io: CliIo, now: Date) {
  const env = io.env;
  let month: ReturnType<typeof resolveReportMonth>;
  try {
    month = resolveReportMonth(flags.month, now);
  } catch (error) {
    if (error instanceof MonthError) throw new UsageError(`--month: ${error.message}`);
    throw error;
  }
  checkPathsGiven(flags);
  if (flags.out !== undefined) prepareOut(flags.out, `report.${flags.format}`);
  const settings = await resolveAwsCommandSettings({ profile: flags.profile }, env);
  const table = loadLambdaPriceTable();
  const regions = resolveRegionsFlag(flags.regions, settings.region, table);
  if (isOrganizationRun(flags)) {
    await runOrganizationReport({
      flags,
      month,
      regions,
      table,
      connection: {
        region: settings.region,
        profile: settings.profile,
        endpointUrl: flags.endpointUrl,
      },
    });
    return;
  }
  const [{ reportMonth }, { createAwsUsageSource }, { writeFileAtomic }] = await Promise.all([
    import("../../report/generate.js"),
    import("../../aws/region-month-usage.js"),
    import("../../report/write-report.js"),
  ]);
  const connection = {
    profile: settings.profile,
    endpointUrl: flags.endpointUrl,
    // Throttled GetMetricData is common on big accounts; give the SDK's standard strategy room.
    maxAttempts: 6,
  };
  const source = createAwsUsageSource({ connection });
  const report = await reportMonth(
    {
      regions,
      month,
      now,
      freeTier: flags.freeTier,
      concurrency: flags.concurrency,
      skipDisabledRegions: flags.regions === "all",
      priceTable: table,
    },
    source,
  );
  const csv = renderReportCsv(report);
  const path = await writeFileAtomic(
    flags.outDir,
    reportFileName(report.month, report.accountId),
    csv,
  );
  const previous = await readPreviousReport(flags.outDir, report.month, report.accountId);
  const html =
    flags.format === "html" || flags.html ? await renderReportPage(report, previous) : "";
  const written = flags.html
    ? `${path} and ${await writeFileAtomic(flags.outDir, reportFileName(report.month, report.accountId).replace(/\.csv$/, ".html"), html)}`
    : path;
  const emit = (text: string) => emitOutput(text, flags.out, io);
  if (flags.format === "json") emit(renderReportJson(report));
  else if (flags.format === "csv" || flags.format === "html") {
    emit(flags.format === "csv" ? csv : html);
    process.stderr.write(
      renderReportSummary(report, previous, written, { maxWidth: outputWidth(process.stderr) }),
    );
  } else {
    const options = { maxWidth: flags.out ? Number.POSITIVE_INFINITY : outputWidth() };
    const summary = renderReportSummary(report, previous, written, options);
    emit(`${summary}\n${renderReportTable(report, options)}`);
  }
  if (flags.reconcile) {
    const text = await reconcileAccount(report, table, connection, flags.outDir, month);
    (flags.format === "table" ? process.stdout : process.stderr).write(`\n${text}`);
  }
  if (report.failedRegions.length > 0) {
    const names = report.failedRegions.map((f) => f.region).join(", ");
    throw new CheckFailedError(
      `region ${names} failed (see the summary); the report covers the other regions.`,
    );
  }
}

/** Last month's report in the out-dir, if there is one; a missing or unreadable file is none. */
/**
 * An empty path (`--merge "$DIR"` with DIR unset) is refused: --merge "" and --accounts-file ""
 * would otherwise count as not given and report the credentials' own account instead, and
 * --out-dir "" would write into the working directory.
 */
function checkPathsGiven(flags: ReportFlags): void {
  const paths = [
    ["--out-dir", flags.outDir, "a directory such as reports"],
    ["--merge", flags.merge, "the directory holding the per-account report JSON files"],
    ["--accounts-file", flags.accountsFile, "a file with one 12-digit account ID per line"],
  ] as const;
  for (const [flag, value, right] of paths) {
    if (value !== undefined && value.trim() === "") {
      throw new UsageError(`${flag} "${value}" is no path; give ${right}.`);
    }
  }
}

async function readPreviousReport(outDir: string, month: string, accountId: string) {
  const { previousReportName, parsePreviousReport } = await import(
    "../../output/previous-report-csv.js"
  );
  const previous = previousReportName(month, accountId);
  const file = join(outDir, previous.fileName);
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch {
    return undefined;
  }
  return parsePreviousReport(text, previous.month, file);
}

/** The HTML page; Chart.js and the renderer are loaded only when a page is asked for. */
async function renderReportPage(
  report: Parameters<typeof renderReportCsv>[0],
  previous: Awaited<ReturnType<typeof readPreviousReport>>,
): Promise<string> {
  const [{ renderReportHtml }, { loadChartLibrary }] = await Promise.all([
    import("../../output/report-html.js"),
    import("../../output/html/chart-library.js"),
  ]);
  return renderReportHtml({ report, previous }, { chartLibrary: await loadChartLibrary() });
}
