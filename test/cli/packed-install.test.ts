/**
 * The package as `npm pack` ships it: the tarball holds what an installed copy needs (the built
 * bin, the price tables, the demo account) and nothing of the clone's, and its bin runs from a
 * folder outside the clone: estimate, the emulator with no --config, and report against it.
 * The tarball's dependencies come from the clone's node_modules here (a symlink), so the test
 * stays fast; scripts/node-matrix.mjs (run by CI) installs the same tarball with npm itself.
 * Needs `npm run build` first.
 */
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "lc-packed-"));
const pkg = join(dir, "package");
const bin = join(pkg, "dist/bin/lambda-cost.js");
const { version } = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
  version: string;
};
let files: string[] = [];

beforeAll(() => {
  // --ignore-scripts: `prepare` must not rebuild dist/ under the other tests running now.
  const out = execFileSync(
    "npm",
    ["pack", "--json", "--ignore-scripts", "--pack-destination", dir],
    { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] },
  );
  const [packed] = JSON.parse(out) as Array<{ filename: string; files: Array<{ path: string }> }>;
  files = packed?.files.map((f) => f.path) ?? [];
  execFileSync("tar", ["-xzf", join(dir, packed?.filename ?? ""), "-C", dir]);
  symlinkSync(join(ROOT, "node_modules"), join(pkg, "node_modules"), "dir");
  mkdirSync(join(dir, "elsewhere"));
  // A project outside the clone that depends on the unpacked package, for the library imports.
  mkdirSync(join(dir, "project/node_modules"), { recursive: true });
  symlinkSync(pkg, join(dir, "project/node_modules/lambda-cost"), "dir");
}, 60_000);

describe("the packed tarball", () => {
  it(`is lambda-cost-${version}.tgz with the bin, library, price tables and demo account`, () => {
    expect(existsSync(join(dir, `lambda-cost-${version}.tgz`))).toBe(true);
    expect(files).toEqual(
      expect.arrayContaining([
        "package.json",
        "README.md",
        "dist/bin/lambda-cost.js",
        "dist/index.js",
        "dist/index.d.ts",
        "pricing/lambda.json",
        "pricing/fargate.json",
        "pricing/ec2.json",
        "examples/emulator.json",
      ]),
    );
    expect(files.filter((f) => /^(src|test|bench|scripts|node_modules)\//.test(f))).toEqual([]);
  });

  it("each sub-path imports from a project outside the clone, with its documented surface", async () => {
    // docs/library.md lists these; a new export is a decision, so this list changes with it.
    const surfaces: Record<string, string[]> = {
      "lambda-cost": [
        "AwsError",
        "CheckFailedError",
        "ConfigError",
        "Decimal",
        "InterruptedError",
        "LambdaCostError",
        "PricingDataError",
        "UsageError",
        "ZERO",
        "dec",
        "estimateLambdaCost",
        "formatUsd",
        "gbSeconds",
        "knownRegions",
        "loadLambdaPriceTable",
        "logRates",
        "priceLambda",
        "priceManagedInstances",
        "pricePerInvocation",
        "splitIntoTiers",
        "sum",
      ],
      "lambda-cost/tune": [
        "ConcurrentChangeError",
        "TUNE_CSV_COLUMNS",
        "ThrottledError",
        "analyzeTuning",
        "createLambdaTuningTarget",
        "createTuningEngine",
        "defaultJournalDir",
        "parseInvocationLog",
        "renderTune",
        "renderTuneJson",
        "runTune",
        "sizesAuto",
        "toTuneJson",
        "toTuneResult",
      ],
      "lambda-cost/crossover": [
        "DEFAULT_EC2_TYPES",
        "VALID_FARGATE_TASK_SIZES",
        "allFargateTaskSizes",
        "crossover",
        "crossoverJson",
        "crossoverWithShippedPrices",
        "loadEc2PriceTable",
        "loadFargatePriceTable",
        "loadLambdaPriceTable",
        "parseFargateTaskSize",
        "renderCrossoverJson",
      ],
      "lambda-cost/report": [
        "REPORT_CSV_HEADER",
        "buildMonthlyReport",
        "formatMonth",
        "generateMonthlyReport",
        "hoursInMonth",
        "lastCompleteMonth",
        "parseMonth",
        "renderReportCsv",
        "renderReportJson",
        "renderReportSummary",
        "reportFileName",
        "reportMonth",
      ],
      "lambda-cost/emulator": ["emulatorConfig", "startEmulator"],
    };
    // One process imports every sub-path and prices AWS's worked example through the root.
    const code = `
      const out = {};
      for (const spec of ${JSON.stringify(Object.keys(surfaces))}) out[spec] = Object.keys(await import(spec)).sort();
      const { estimateLambdaCost } = await import("lambda-cost");
      // The entries share one module graph (scripts/bundle-library.mjs): the same function object
      // through either path, so one price-table cache and one set of error classes.
      out.shared = (await import("lambda-cost/crossover")).loadLambdaPriceTable === (await import("lambda-cost")).loadLambdaPriceTable;
      out.total = estimateLambdaCost([{ region: "us-east-1", architecture: "x86_64", memoryMb: 1536, monthlyRequests: 3_000_000, averageDurationMs: 120 }]).total.toFixed(2);
      console.log(JSON.stringify(out));`;
    const result = await spawnNode(["--input-type=module", "-e", code], join(dir, "project"));
    expect(result.stderr).toBe("");
    const out = JSON.parse(result.stdout) as Record<string, unknown>;
    for (const [spec, names] of Object.entries(surfaces)) expect(out[spec]).toEqual(names.sort());
    expect(out.shared).toBe(true);
    // The same $2.73 as the estimate test below works out by hand.
    expect(out.total).toBe("2.73");
  });

  it("estimate runs from the unpacked package, outside the clone", async () => {
    const args = ["estimate", "--memory", "1536", "--duration", "120ms", "--requests", "3M"];
    const result = await spawnBin(args);
    // 3,000,000 × 0.12 s × 1.5 GB = 540,000 GB-s; after the free tier (1M requests, 400,000
    // GB-s): 2,000,000 × $0.0000002 = $0.40 + 140,000 × $0.0000166667 = $2.333338 → $2.73.
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Total \(per month\).*\$2\.73/);
  });

  describe("the emulator with no --config, and report against it", () => {
    let emulator: ReturnType<typeof spawn>;
    let endpoint = "";
    beforeAll(async () => {
      emulator = spawn(process.execPath, [bin, "emulator", "--port", "0"], {
        cwd: join(dir, "elsewhere"),
        stdio: ["ignore", "pipe", "pipe"],
      });
      let out = "";
      endpoint = await new Promise<string>((resolve, reject) => {
        emulator.stdout?.on("data", (d: Buffer) => {
          out += d.toString();
          const match = /Emulator listening on (\S+)\n[^\n]*\n/.exec(out);
          if (match) resolve(match[1] as string);
        });
        emulator.on("exit", (code) => reject(new Error(`emulator exited ${code}: ${out}`)));
      });
      expect(out).toContain("Serving the built-in demo account (resize-image, api-handler,");
    }, 30_000);
    afterAll(() => {
      emulator.kill("SIGINT");
    });

    it("report prices the demo account's October from the unpacked package", async () => {
      const result = await spawnBin([
        "report",
        "--month",
        "2026-10",
        "--regions",
        "us-east-1,eu-west-1",
        "--out-dir",
        join(dir, "reports"),
        "--endpoint-url",
        endpoint,
      ]);
      expect(result.stderr).toBe("");
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/5 functions in eu-west-1, us-east-1\n/);
      expect(existsSync(join(dir, "reports/lambda-cost-2026-10-123456789012.csv"))).toBe(true);
    });
  });
});

/**
 * The unpacked bin, run from a folder that is neither the clone nor the package, with a clean
 * environment; spawned without blocking the test process.
 */
function spawnBin(args: string[]) {
  return spawnNode([bin, ...args], join(dir, "elsewhere"));
}

function spawnNode(args: string[], cwd: string) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, args, {
      cwd,
      env: {
        PATH: process.env.PATH,
        HOME: dir,
        XDG_STATE_HOME: dir,
        NO_COLOR: "1",
        AWS_ACCESS_KEY_ID: "x",
        AWS_SECRET_ACCESS_KEY: "y",
        AWS_REGION: "us-east-1",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr.on("data", (d: Buffer) => {
      stderr += d.toString();
    });
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}
