/**
 * The HTML pages the browser test opens, each beside the JSON output of the same run: estimate
 * (one function, and the scenario file) and crossover through the CLI in-process (`--format
 * html --out`, `--format json`); tune and the 10-function report from the fixed result models of
 * the renderer tests, and advise's from its fixed result (a real tune or advise run needs the
 * emulator and seconds; report --html through the bin is tested in test/cli/report-run.test.ts).
 */
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { renderAdviseHtml } from "../../src/output/advise-html.js";
import { renderAdviseJson } from "../../src/output/advise-json.js";
import { loadChartLibrary } from "../../src/output/html/chart-library.js";
import { renderReportHtml } from "../../src/output/report-html.js";
import { renderReportJson } from "../../src/output/report-json.js";
import { renderTuneHtml } from "../../src/output/tune-html.js";
import { renderTuneJson } from "../../src/output/tune-json.js";
import { runInProcess } from "../cli/run-in-process.js";
import { RESULT as ADVICE } from "../unit/advise-fixtures.js";
import { PREVIOUS_MONTH, tenFunctionReport, tuneResult } from "../unit/output-fixtures.js";

export interface PageUnderTest {
  name: string;
  htmlFile: string;
  json: string;
}

const ESTIMATE = ["estimate", "--memory", "1536", "--duration", "120ms", "--requests", "3M"];
const SCENARIO = ["estimate", "--scenario", "test/fixtures/estimate-scenario.yaml"];
const CROSSOVER = ["crossover", "--memory", "512", "--duration", "120ms", "--requests", "50M"];

async function viaCli(dir: string, name: string, args: string[]): Promise<PageUnderTest> {
  const htmlFile = join(dir, `${name}.html`);
  const html = await runInProcess([...args, "--format", "html", "--out", htmlFile]);
  if (html.code !== 0) throw new Error(`${name}: exit ${html.code}: ${html.stderr}`);
  const json = await runInProcess([...args, "--format", "json"]);
  if (json.code !== 0) throw new Error(`${name} json: exit ${json.code}: ${json.stderr}`);
  return { name, htmlFile, json: json.stdout };
}

export async function buildPages(dir: string): Promise<PageUnderTest[]> {
  const chartLibrary = await loadChartLibrary();
  const tune = tuneResult();
  const report = tenFunctionReport();
  const direct = [
    {
      name: "advise",
      html: renderAdviseHtml(ADVICE, { chartLibrary }),
      json: renderAdviseJson(ADVICE),
    },
    { name: "tune", html: renderTuneHtml(tune, { chartLibrary }), json: renderTuneJson(tune) },
    {
      name: "report",
      html: renderReportHtml({ report, previous: PREVIOUS_MONTH }, { chartLibrary }),
      json: renderReportJson(report),
    },
  ];
  const written = await Promise.all(
    direct.map(async (page) => {
      const htmlFile = join(dir, `${page.name}.html`);
      await writeFile(htmlFile, page.html);
      return { name: page.name, htmlFile, json: page.json };
    }),
  );
  // In-process CLI runs share process.stdout's spy: one at a time.
  const cli: PageUnderTest[] = [];
  cli.push(await viaCli(dir, "estimate", ESTIMATE));
  cli.push(await viaCli(dir, "estimate-scenario", SCENARIO));
  cli.push(await viaCli(dir, "crossover", CROSSOVER));
  return [...cli, ...written];
}

/** The page's embedded JSON (what `#lambda-cost-json` holds), as text. */
export async function embeddedJson(htmlFile: string): Promise<string> {
  const html = await readFile(htmlFile, "utf8");
  const match = /<script type="application\/json" id="lambda-cost-json">([\s\S]*?)<\/script>/.exec(
    html,
  );
  return match?.[1] ?? "";
}

/**
 * JSON.parse with every number kept as its exact text (`2.733338` → "2.733338"): the command's
 * JSON writes money with all its digits, and a float would hide a difference in the 17th.
 * The output is two-space indented, so a number is always a whole value on its own line.
 */
export function parseExact(json: string): unknown {
  return JSON.parse(
    json.replace(
      /^(\s*(?:"(?:[^"\\]|\\.)*": )?)(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)(,?)$/gm,
      '$1"$2"$3',
    ),
  );
}

/** The value at a dotted path (`sizes.1.costPerMillion`). */
export function at(value: unknown, path: string): unknown {
  return path
    .split(".")
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], value);
}
