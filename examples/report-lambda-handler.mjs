// A scheduled Lambda function that writes last month's lambda-cost report to S3.
//
// Deploy with an EventBridge Scheduler rule such as `cron(0 6 1 * ? *)` (06:00 UTC on the 1st).
// The function's role needs lambda:ListFunctions, lambda:ListProvisionedConcurrencyConfigs and
// cloudwatch:GetMetricData in every reported region, and s3:PutObject on the bucket.
// Environment: REPORT_BUCKET (required), REPORT_PREFIX (default "reports/"),
// REPORT_REGIONS (default: the function's own region; comma-separated),
// REPORT_S3_FORCE_PATH_STYLE ("true" for path-style S3 URLs: S3-compatible stores, the emulator),
// REPORT_JSON ("true" also writes the report model, lambda-cost-<YYYY-MM>-<id>.json, which
// `lambda-cost report --merge DIR` prices as one organisation: see docs/scheduling.md).
//
// Dependencies of this example: "lambda-cost" (its lambda-cost/report entry) and "@aws-sdk/client-s3" (the S3 client is the
// example's own dependency, not lambda-cost's). Bundle them with the handler into one file; the
// price tables travel inside the bundle:
//   npx esbuild report-lambda-handler.mjs --bundle --platform=node --target=node22 \
//     --outfile=build/index.js && (cd build && zip ../report.zip index.js)
// and deploy report.zip with the handler "index.handler" on a Node.js 22 or 24 runtime.
import { PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import {
  generateMonthlyReport,
  renderReportCsv,
  renderReportJson,
  reportFileName,
} from "lambda-cost/report";

const s3 = new S3Client({ forcePathStyle: process.env.REPORT_S3_FORCE_PATH_STYLE === "true" });

/** @param {{ month?: string }} event  e.g. {} for the previous month, or { month: "2026-10" } */
export async function handler(event = {}) {
  const regions = (process.env.REPORT_REGIONS ?? process.env.AWS_REGION ?? "us-east-1").split(",");
  // Ready SDK clients could be passed as `clients`; the default chain uses the function's role.
  const report = await generateMonthlyReport({ regions, month: event.month ?? "previous" });
  const key = `${process.env.REPORT_PREFIX ?? "reports/"}${reportFileName(report.month, report.accountId)}`;
  // One PutObject is atomic: readers see the old object or the new one, never a partial file.
  await s3.send(
    new PutObjectCommand({
      Bucket: process.env.REPORT_BUCKET,
      Key: key,
      Body: renderReportCsv(report),
      ContentType: "text/csv; charset=utf-8",
    }),
  );
  if (process.env.REPORT_JSON === "true") {
    await s3.send(
      new PutObjectCommand({
        Bucket: process.env.REPORT_BUCKET,
        Key: key.replace(/\.csv$/, ".json"),
        Body: renderReportJson(report),
        ContentType: "application/json",
      }),
    );
  }
  const failed = report.failedRegions.map((f) => `${f.region}: ${f.message}`);
  // A failed region still produces a report for the others; fail the invocation so the
  // schedule's alarm (or retry) sees it.
  if (failed.length > 0) throw new Error(`report written to ${key}, but ${failed.join("; ")}`);
  return { key, total: report.totals.totalCost.toFixed(2), functions: report.rows.length };
}
