/**
 * examples/report-lambda-handler.mjs as its comment says to ship it: bundled by esbuild into one
 * file, copied to a folder with nothing else in it (no pricing/, no node_modules), its handler
 * run in a fresh node against the emulator, and the CSV it wrote read back from the emulator's
 * S3 with the real @aws-sdk/client-s3.  Needs `npm run build` (the example imports "lambda-cost/report",
 * i.e. dist/).
 */
import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { CreateBucketCommand, GetObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EmulatorHandle } from "../../src/emulator/types.js";
import { CREDENTIALS } from "./emulator-helpers.js";
import { emulatorWith, fn } from "./tune-harness.js";

const EXAMPLE = fileURLToPath(new URL("../../examples/report-lambda-handler.mjs", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "lc-lambda-example-"));
const bundle = join(dir, "index.js");
let emulator: EmulatorHandle;
let s3: S3Client;

beforeAll(async () => {
  // The command in the example's comment, through esbuild's API.
  await build({
    entryPoints: [EXAMPLE],
    bundle: true,
    platform: "node",
    target: "node22",
    outfile: bundle,
    logLevel: "warning",
  });
  emulator = await emulatorWith([
    fn(
      "nightly-batch",
      { fixedMs: 100, cpuMs: 0 },
      { history: [{ month: "2026-10", invocationsPerDay: 1_000_000, avgDurationMs: 100 }] },
    ),
  ]);
  s3 = new S3Client({
    region: "us-east-1",
    endpoint: emulator.endpoint,
    forcePathStyle: true,
    credentials: CREDENTIALS,
    maxAttempts: 1,
  });
  await s3.send(new CreateBucketCommand({ Bucket: "cost-reports" }));
}, 60_000);
afterAll(async () => {
  s3.destroy();
  await emulator.close();
});

/** Runs `handler(event)` from the bundle in a child node, as Lambda's runtime would call it. */
function invokeBundle(event: unknown): Promise<{ code: number | null; out: string }> {
  const script = `require(${JSON.stringify(bundle)}).handler(${JSON.stringify(event)})
    .then((r) => console.log(JSON.stringify(r)), (e) => { console.error(e); process.exit(1); });`;
  const child = spawn(process.execPath, ["-e", script], {
    cwd: dir,
    env: {
      PATH: process.env.PATH,
      HOME: dir,
      AWS_REGION: "us-east-1",
      AWS_ACCESS_KEY_ID: CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: CREDENTIALS.secretAccessKey,
      AWS_ENDPOINT_URL: emulator.endpoint,
      REPORT_BUCKET: "cost-reports",
      REPORT_S3_FORCE_PATH_STYLE: "true",
    },
  });
  let out = "";
  child.stdout.on("data", (d: Buffer) => {
    out += d.toString();
  });
  child.stderr.on("data", (d: Buffer) => {
    out += d.toString();
  });
  return new Promise((resolve) => child.on("close", (code) => resolve({ code, out })));
}

describe("the scheduled Lambda example, bundled", () => {
  it("writes last month's CSV to S3 with the hand-computed cost", async () => {
    const { code, out } = await invokeBundle({ month: "2026-10" });
    expect(out).not.toMatch(/ENOENT|Error/);
    expect(code).toBe(0);
    // 1,000,000 a day × 31 days = 31,000,000 requests at 1024 MB x86_64 in us-east-1.
    // Billed ms = Sum(Duration) + 0.5 ms × Invocations = 3,100,000,000 + 15,500,000
    //   = 3,115,500,000 ms → 3,115,500 s × 1 GB = 3,115,500 GB-s.
    // Free tier once: requests (31,000,000 − 1,000,000) × $0.0000002 = $6.00;
    //   duration (3,115,500 − 400,000) × $0.0000166667 = 2,715,500 × 0.0000166667 = $45.25842385.
    // Total $51.25842385 → "51.26".
    const result = JSON.parse(out.trim().split("\n").at(-1) as string);
    expect(result).toEqual({
      key: "reports/lambda-cost-2026-10-123456789012.csv",
      total: "51.26",
      functions: 1,
    });
    const object = await s3.send(new GetObjectCommand({ Bucket: "cost-reports", Key: result.key }));
    expect(object.ContentType).toBe("text/csv; charset=utf-8");
    const csv = (await object.Body?.transformToString("utf8")) ?? "";
    const [header, row, ...more] = csv.trim().split(/\r?\n/);
    expect(more).toEqual([]);
    const columns = header?.split(",") ?? [];
    const fields = Object.fromEntries(row?.split(",").map((v, i) => [columns[i], v]) ?? []);
    // The CSV rounds to 6 decimal places (docs/report.md). Before the free tier: requests
    // 31,000,000 × 0.0000002 = 6.2; duration 3,115,500 × 0.0000166667 = 51.92510385; credit
    // 1,000,000 × 0.0000002 + 400,000 × 0.0000166667 = 6.86668.
    expect(fields).toMatchObject({
      month: "2026-10",
      account_id: "123456789012",
      region: "us-east-1",
      function_name: "nightly-batch",
      invocations: "31000000",
      gb_seconds: "3115500.000000",
      request_cost_usd: "6.200000",
      duration_cost_usd: "51.925104",
      free_tier_credit_usd: "6.866680",
      total_cost_usd: "51.258424",
    });
  });
});
