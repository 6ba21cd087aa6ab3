/**
 * `--format html` and `--out FILE` through the CLI, in-process (the pages themselves are checked
 * in Chromium by test/browser/html-pages.test.ts): the page goes to the file, stdout stays
 * empty, stderr says where it went; a bad --out is one line and exit 2, before any work.
 */
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { expectOneLineExit2, runInProcess } from "./run-in-process.js";

const dir = mkdtempSync(join(tmpdir(), "lc-html-out-"));
const ESTIMATE = ["estimate", "--memory", "1536", "--duration", "120ms", "--requests", "3M"];

describe("--format html and --out", () => {
  it("estimate --format html --out FILE writes the page there and nothing on stdout", async () => {
    const file = join(dir, "estimate.html");
    const result = await runInProcess([...ESTIMATE, "--format", "html", "--out", file]);
    expect(result).toEqual({ code: 0, stdout: "", stderr: `lambda-cost: wrote ${file}\n` });
    const html = readFileSync(file, "utf8");
    expect(html).toMatch(/^<!doctype html>/);
    // AWS's worked example: $2.733338 a month, shown as $2.73 with every digit kept.
    expect(html).toMatch(/data-exact="2\.733338"[^>]*data-json="total"[^>]*>\$2\.73</);
    expect(html).toContain("Chart.js v4");
  });

  it("--out works for every format (csv here), replacing the file", async () => {
    const file = join(dir, "estimate.csv");
    await runInProcess([...ESTIMATE, "--format", "json", "--out", file]);
    const result = await runInProcess([...ESTIMATE, "--format", "csv", "--out", file]);
    expect(result.code).toBe(0);
    expect(readFileSync(file, "utf8")).toMatch(/^function,region,architecture,name,/);
  });

  it("without --out the page goes to stdout", async () => {
    const result = await runInProcess([...ESTIMATE, "--format", "html"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^<!doctype html>[\s\S]*<\/html>\n$/);
    expect(result.stderr).toBe("");
  });

  it("--out naming a directory is one line, exit 2", async () => {
    const result = await runInProcess([...ESTIMATE, "--format", "html", "--out", dir]);
    expectOneLineExit2(result, /--out .* is a directory; give a file path such as/, expect);
  });

  it("tune --format html with --dry-run is refused before any AWS call", async () => {
    const result = await runInProcess(["tune", "app", "--dry-run", "--format", "html"]);
    expectOneLineExit2(result, /--format html draws a tuning result; --dry-run prints as/, expect);
  });

  it.runIf(existsSync("/proc/self"))(
    "--out under /proc: one line, exit 2 (Node's recursive mkdir spun forever there)",
    async () => {
      const out = "/proc/lambda-cost-missing/out.json";
      const result = await runInProcess([...ESTIMATE, "--out", out]);
      expectOneLineExit2(
        result,
        /--out \/proc\/lambda-cost-missing\/out\.json: cannot write in/,
        expect,
      );
    },
  );
});
