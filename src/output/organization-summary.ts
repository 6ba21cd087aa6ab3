/**
 * What a person reads after an organisation run: the total and its parts, one line per account
 * (failed accounts named), the organisation's tier pools, and the files written.
 */
import { formatCount, formatUsd, groupDigits, roundTo } from "../core/money/index.js";
import type { OrganizationReport } from "../core/report/organization.js";
import type { RenderOptions } from "./format.js";
import { type Column, renderTable, wrapProse } from "./text-table.js";

const COLUMNS: Column[] = [
  { head: "account" },
  { head: "name" },
  { head: "functions", align: "right" },
  { head: "requests", align: "right" },
  { head: "duration", align: "right" },
  { head: "storage", align: "right" },
  { head: "PC", align: "right" },
  { head: "free tier", align: "right" },
  { head: "total", align: "right" },
];

export function renderOrganizationSummary(
  report: OrganizationReport,
  written: { organizationFile: string; accountFiles: readonly string[] } | undefined,
  options: RenderOptions = {},
): string {
  const t = report.totals;
  const reported = report.accounts.filter((a) => a.status === "reported");
  const functions = reported.reduce((n, a) => n + a.functionCount, 0);
  const lines = [
    `Lambda cost report ${report.month} · organisation ${report.managementAccountId} · ${formatCount(reported.length)} of ${formatCount(report.accounts.length)} accounts, ${formatCount(functions)} functions`,
    `Total ${formatUsd(t.totalCost)}: requests ${formatUsd(t.requestCost)}, duration ${formatUsd(t.durationCost)}, ephemeral storage ${formatUsd(t.ephemeralStorageCost)}, provisioned concurrency ${formatUsd(t.provisionedConcurrencyCost)}, free tier ${formatUsd(t.freeTierCredit.negated())}`,
    `Tiers per region and architecture on the organisation's total; one free tier for the organisation${report.freeTier.applied ? ` (${formatCount(report.freeTier.requests, 0)} requests and ${groupDigits(roundTo(report.freeTier.gbSeconds, 1).toFixed(1))} GB-s used)` : " (not applied: --no-free-tier)"}.`,
  ];
  for (const pool of report.pools.filter((p) => p.tiers.length > 1)) {
    lines.push(
      `  ${pool.region} ${pool.architecture}: ${groupDigits(roundTo(pool.gbSeconds, 0).toFixed(0))} GB-s cross into tier ${pool.tiers.length}, blended ${pool.blendedRatePerGbSecond.toSignificantDigits(8).toFixed()} per GB-s`,
    );
  }
  for (const account of report.accounts) {
    if (account.status === "failed") {
      lines.push(`FAILED: account ${account.accountId} is not in this report: ${account.message}`);
    }
    for (const failure of account.failedRegions) {
      lines.push(
        `FAILED: account ${account.accountId} region ${failure.region} is not in this report: ${failure.message}`,
      );
    }
  }
  // Failed accounts have their FAILED line above; the other notes (accounts left out, merge).
  for (const note of report.notes.filter((n) => !n.includes(" could not be read "))) {
    lines.push(`Note: ${note}`);
  }
  lines.push(
    "Estimate from CloudWatch metrics; see the notes in each CSV for what they cannot show.",
  );
  if (written) {
    lines.push(
      `Written: ${written.accountFiles.length} account CSVs and ${written.organizationFile}`,
    );
  }
  const rows = report.accounts.map((a) =>
    a.totals === null
      ? [a.accountId, a.name ?? "", "", "", "", "", "", "", "FAILED"]
      : [
          a.accountId,
          a.name ?? "",
          formatCount(a.functionCount),
          formatUsd(a.totals.requestCost),
          formatUsd(a.totals.durationCost),
          formatUsd(a.totals.ephemeralStorageCost),
          formatUsd(a.totals.provisionedConcurrencyCost),
          a.totals.freeTierCredit.isZero() ? "" : formatUsd(a.totals.freeTierCredit.negated()),
          formatUsd(a.totals.totalCost),
        ],
  );
  const width = options.maxWidth ?? Number.POSITIVE_INFINITY;
  return `${wrapProse(lines.join("\n"), width)}\n\n${renderTable(COLUMNS, rows, { maxWidth: options.maxWidth, keyColumns: 1 })}\n`;
}
