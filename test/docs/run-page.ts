/**
 * Runs every `$ lambda-cost …` example of one page (README or docs/) with the built bin (or, for
 * commands that write nothing, through the entry function the bin wraps: IN_PROCESS) and
 * compares its output with what the page prints, so the docs cannot drift. One test file per page
 * (test/docs/*.test.ts), so the pages run in parallel; `examples.test.ts` checks that every page
 * with examples has its file. Examples that talk to `http://127.0.0.1:4010` run against a fresh
 * emulator per page (the demo account of examples/emulator.json), in page order, as a reader
 * following the page would; HOME is a temporary directory printed as `~`.
 *
 * After a deliberate output change: `UPDATE_DOC_EXAMPLES=1 npx vitest run test/docs` rewrites
 * the pages with the real output; review the diff like any other.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { type EmulatorHandle, startEmulator } from "../../src/emulator/http-server.js";
import { loadLambdaPriceTable } from "../../src/prices/lambda-prices.js";
import { BIN } from "../cli/run-cli.js";
import { runCapturingOutput } from "../cli/run-in-process.js";
import { type DocExample, normaliseOutput, parseDocExamples } from "./doc-examples.js";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const DOC_ENDPOINT = "http://127.0.0.1:4010";
const UPDATE = process.env.UPDATE_DOC_EXAMPLES === "1";
/**
 * "Now" for the pages (when they were last generated): the bin runs with test/docs/fixed-clock.mjs
 * preloaded and the emulator on the same clock, so figures that depend on today (tune's last 30
 * days of CloudWatch, the default report month) do not drift with the calendar.
 */
const DOCS_NOW = "2026-12-01T10:40:00Z";
const FIXED_CLOCK = fileURLToPath(new URL("./fixed-clock.mjs", import.meta.url));
const realNow = Date.now;

/** The bin's whole environment: nothing else from the test process reaches an example. */
function exampleEnv(workDir: string): Record<string, string | undefined> {
  return {
    PATH: process.env.PATH,
    NO_COLOR: "1",
    AWS_ACCESS_KEY_ID: "x",
    AWS_SECRET_ACCESS_KEY: "x",
    AWS_REGION: "us-east-1",
    AWS_CONFIG_FILE: join(workDir, "no-aws-config"),
    AWS_SHARED_CREDENTIALS_FILE: join(workDir, "no-aws-credentials"),
    HOME: join(workDir, "home"),
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
    LAMBDA_COST_DOCS_NOW: DOCS_NOW,
    // The bin's clock is DOCS_NOW, the emulator's HTTP Date header is node's real time: the
    // SDK would take the difference for clock skew and retry every error answer (a 404 the
    // command expects, such as tune's lock alias) up to its attempt limit with real backoff,
    // seconds per command that print nothing.
    AWS_DISABLE_CLOCK_SKEW_CORRECTION: "true",
  };
}

/**
 * Commands that write nothing (estimate, crossover, advise), typed as plain words, run in this
 * process through the CLI's entry function, which the bin only wraps: each saves a node start-up
 * (about 0.15 s of CPU, more with the AWS SDK). The rest runs the bin: report writes into the
 * working directory, and tune's journal goes under os.homedir(), which in a worker thread is the
 * real home whatever HOME the test sets (libuv reads the process's environment, not the worker's).
 */
const IN_PROCESS = /^lambda-cost (estimate|crossover|advise) [^"'`$|&;<>*?()\\]*$/;

async function runInThisProcess(
  command: string,
  workDir: string,
): Promise<{ code: number; output: string }> {
  const args = command.split(/\s+/).slice(1);
  const env = exampleEnv(workDir);
  for (const name of Object.keys(process.env)) if (!(name in env)) env[name] = undefined;
  // The same clock as fixed-clock.mjs gives the bin: DOCS_NOW, then real time; put back after.
  const RealDate = Date;
  const offsetMs = Date.parse(DOCS_NOW) - RealDate.now();
  class DocsClockDate extends RealDate {
    constructor(...args: ConstructorParameters<DateConstructor> | []) {
      if (args.length === 0) super(RealDate.now() + offsetMs);
      else super(...(args as ConstructorParameters<DateConstructor>));
    }
    static override now() {
      return RealDate.now() + offsetMs;
    }
  }
  globalThis.Date = DocsClockDate as DateConstructor;
  try {
    const { code, output } = await runCapturingOutput(args, env);
    return { code: code ?? -1, output };
  } finally {
    globalThis.Date = RealDate;
  }
}

function run(
  command: string,
  endpoint: string,
  workDir: string,
): Promise<{ code: number; output: string }> {
  if (IN_PROCESS.test(command)) {
    return runInThisProcess(command.replaceAll(DOC_ENDPOINT, endpoint), workDir);
  }
  const shellCommand = command
    .replaceAll(DOC_ENDPOINT, endpoint)
    .replace(/^lambda-cost /, `"${process.execPath}" --import "${FIXED_CLOCK}" "${BIN}" `);
  return new Promise((resolve, reject) => {
    const child = spawn("sh", ["-c", `${shellCommand} 2>&1`], {
      cwd: workDir,
      env: exampleEnv(workDir),
      stdio: ["ignore", "pipe", "inherit"],
    });
    let output = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      output += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? -1, output }));
  });
}

function rewrite(file: string, results: Array<{ example: DocExample; lines: string[] }>): void {
  const path = join(ROOT, file);
  const lines = readFileSync(path, "utf8").split("\n");
  for (const { example, lines: replacement } of [...results].reverse()) {
    lines.splice(example.outputStart, example.outputEnd - example.outputStart, ...replacement);
  }
  writeFileSync(path, lines.join("\n"));
}

/** The page's examples as tests, in page order, sharing one emulator and one HOME. */
export function describePage(file: string): void {
  const examples = parseDocExamples(file, readFileSync(join(ROOT, file), "utf8"));
  describe(file, () => {
    const docsClockOffsetMs = Date.parse(DOCS_NOW) - Date.now();
    const workDir = mkdtempSync(join(tmpdir(), "lambda-cost-docs-"));
    for (const linked of ["examples", "test"]) {
      symlinkSync(join(ROOT, linked), join(workDir, linked));
    }
    let emulator: EmulatorHandle | undefined;
    const endpoint = async () => {
      if (emulator) return emulator.endpoint;
      const config = JSON.parse(readFileSync(join(ROOT, "examples/emulator.json"), "utf8"));
      // The demo account keeps each update InProgress for 200 ms so a reader sees tune wait;
      // the bin's waiter then sleeps its 1 s minimum before polling again (about 15 s of the
      // tune page's two runs). No printed line depends on it, and the waits themselves are
      // tested with updateLatencyMs in test/integration (emulator-lambda, tune-edges) and
      // test/cli (tune-signals, tune-arch-kill), so the pages run with updates that settle at once.
      config.faults = { ...config.faults, updateLatencyMs: 0 };
      emulator = await startEmulator({
        config,
        // Cost Explorer's billed month (report --reconcile) is priced with the shipped table.
        priceTable: loadLambdaPriceTable(),
        // The real clock: the examples that run in this process swap Date for theirs meanwhile.
        now: () => realNow() + docsClockOffsetMs,
      });
      return emulator.endpoint;
    };
    const results: Array<{ example: DocExample; lines: string[] }> = [];
    afterAll(async () => {
      await emulator?.close();
      rmSync(workDir, { recursive: true, force: true });
      if (UPDATE && results.length > 0) rewrite(file, results);
    });

    it("has examples", () => {
      expect(examples.length).toBeGreaterThan(0);
    });

    for (const example of examples) {
      it(`line ${example.line}: ${example.command.slice(0, 90)}`, async () => {
        const target = example.command.includes(DOC_ENDPOINT) ? await endpoint() : DOC_ENDPOINT;
        const { code, output } = await run(example.command, target, workDir);
        const actual = output
          .replaceAll(target, DOC_ENDPOINT)
          .replaceAll(join(workDir, "home"), "~")
          .split("\n");
        const lines = normaliseOutput(actual).split("\n");
        results.push({ example, lines: code === 0 ? lines : [...lines, `# exit ${code}`] });
        if (UPDATE) return;
        expect(normaliseOutput(actual)).toBe(normaliseOutput(example.expected));
        expect(code).toBe(example.expectedExitCode);
      });
    }
  });
}
