/**
 * What `estimate` loads for a flags-only run (issue #9, #11: start-up ≤ 1.5× bare node). The
 * built bin is CommonJS (scripts/bundle-cli.mjs); a preloaded script names, when the process
 * exits, every file in require.cache and every Node built-in module loaded; each bundle file is
 * mapped back to its sources through its source map. Heavy or unrelated code must stay out: the
 * price-file checks and their compiled schema validator (the shipped table is checked at build
 * time), zod and yaml (scenario files), the AWS SDK, Chart.js and the HTML renderers, and
 * node:child_process (commander's, for subcommands run as separate programs, which we have none
 * of). Asserts on the module lists, never on time.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, runBin } from "./run-cli.js";

const PRELOAD = `const { writeSync } = require("node:fs");
process.on("exit", () => {
  const builtins = process.moduleLoadList
    .filter((entry) => entry.startsWith("NativeModule "))
    .map((entry) => entry.slice("NativeModule ".length));
  writeSync(2, "modules-loaded " + JSON.stringify({ files: Object.keys(require.cache), builtins }) + "\\n");
});
`;

interface Loaded {
  files: string[];
  builtins: string[];
}

function loadedModules(stderr: string): Loaded {
  const line = stderr.split("\n").find((text) => text.startsWith("modules-loaded "));
  if (line === undefined) throw new Error(`the preload wrote no module list:\n${stderr}`);
  return JSON.parse(line.slice("modules-loaded ".length)) as Loaded;
}

/** Source files (relative, as the source maps name them) behind every loaded bundle file. */
function sourcesOf(files: string[]): string[] {
  return files
    .filter((file) => file.endsWith(".js"))
    .flatMap((file) => {
      const map = JSON.parse(readFileSync(`${file}.map`, "utf8")) as { sources: string[] };
      return map.sources.map((source) => source.replace(/^(\.\.\/)+/, ""));
    });
}

describe("estimate start-up", () => {
  it("loads only the pricing path: no price-file validator, zod, yaml, AWS SDK, HTML or child_process", () => {
    const preload = join(mkdtempSync(join(tmpdir(), "lc-startup-")), "list-modules.cjs");
    writeFileSync(preload, PRELOAD);
    const result = runBin(
      ["estimate", "--memory", "1536", "--duration", "120ms", "--requests", "3M"],
      { env: { NODE_OPTIONS: `--require ${preload}` } },
    );
    expect(result.code).toBe(0);
    const { files, builtins } = loadedModules(result.stderr);
    // The list is the run's: the bin itself was loaded as CommonJS (an ESM bin would not be in
    // require.cache), then the estimate command and the table conversion.
    expect(files).toContain(BIN);
    const ours = files.filter((file) => file !== preload);
    const sources = sourcesOf(ours);
    expect(sources).toContain("src/cli/commands/estimate-action.ts");
    expect(sources).toContain("src/core/pricing/price-table-convert.ts");
    expect(sources).toContain("pricing/lambda.json");

    const unwanted = sources.filter((source) =>
      /generated\/lambda-price-table-validator|price-table-schema|node_modules\/(zod|yaml|chart\.js)\/|src\/output\/html\/|src\/aws\//.test(
        source,
      ),
    );
    expect(unwanted).toEqual([]);
    expect(ours.filter((file) => /@aws-sdk|@smithy|node_modules/.test(file))).toEqual([]);
    // commander's executable subcommands are never used: child_process (and the net, dgram and
    // stream modules it brings) is loaded only if one were run.
    expect(builtins).toContain("fs");
    expect(builtins).not.toContain("child_process");
    // What the command prints goes straight to the pipe (src/cli/fd-output.ts): no stream is
    // made, so none of Node's stream modules is loaded (bare node loads only their helpers,
    // internal/streams/utils).
    const streamModules = builtins.filter((name) => /^(stream|internal\/streams\/)/.test(name));
    expect(streamModules.filter((name) => name !== "internal/streams/utils")).toEqual([]);
    // Few files (scripts/bundle-cli.mjs): the bin, its code cache (src/cli/compile-cache.ts), the
    // program's chunk, the estimate chunk, the action's entry and esbuild's runtime helpers; each
    // file costs a resolve, read and compile.
    expect(sources).toContain("src/cli/compile-cache.ts");
    expect(ours.length).toBeLessThanOrEqual(6);
  });
});
