/**
 * What `estimate` loads for a flags-only run (issue #9: start-up ≤ 1.5× bare node). The
 * built bin runs with a module hook that names every file the ESM loader loads; each bundle
 * file is mapped back to its sources through its source map. Heavy or unrelated code must stay
 * out: the price-file checks and their compiled schema validator (the shipped table is checked
 * at build time), zod and yaml (scenario files), the AWS SDK, Chart.js and the HTML renderers.
 * Asserts on the module list, never on time.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { BIN, runBin } from "./run-cli.js";

const HOOKS = `import { writeSync } from "node:fs";
export async function load(url, context, nextLoad) {
  writeSync(2, "module-loaded " + url + "\\n");
  return nextLoad(url, context);
}
`;

/** Source files (relative, as the source maps name them) behind every loaded bundle file. */
function loadedSources(stderr: string): { urls: string[]; sources: string[] } {
  const urls = stderr
    .split("\n")
    .filter((line) => line.startsWith("module-loaded "))
    .map((line) => line.slice("module-loaded ".length));
  const sources = urls
    .filter((url) => url.startsWith("file:") && url.endsWith(".js"))
    .flatMap((url) => {
      const map = JSON.parse(readFileSync(`${fileURLToPath(url)}.map`, "utf8")) as {
        sources: string[];
      };
      return map.sources.map((source) => source.replace(/^(\.\.\/)+/, ""));
    });
  return { urls, sources };
}

describe("estimate start-up", () => {
  it("loads only the pricing path: no price-file validator, zod, yaml, AWS SDK or HTML", () => {
    const dir = mkdtempSync(join(tmpdir(), "lc-startup-"));
    const hooks = join(dir, "hooks.mjs");
    const register = join(dir, "register.mjs");
    writeFileSync(hooks, HOOKS);
    writeFileSync(
      register,
      `import { register } from "node:module";\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`,
    );
    const result = runBin(
      ["estimate", "--memory", "1536", "--duration", "120ms", "--requests", "3M"],
      { env: { NODE_OPTIONS: `--import ${pathToFileURL(register).href}` } },
    );
    expect(result.code).toBe(0);
    const { urls, sources } = loadedSources(result.stderr);
    // The hook saw the run: the entry, the estimate command and the table conversion.
    expect(urls).toContain(pathToFileURL(BIN).href);
    expect(sources).toContain("src/cli/commands/estimate-action.ts");
    expect(sources).toContain("src/core/pricing/price-table-convert.ts");
    expect(sources).toContain("pricing/lambda.json");

    const unwanted = sources.filter((source) =>
      /generated\/lambda-price-table-validator|price-table-schema|node_modules\/(zod|yaml|chart\.js)\/|src\/output\/html\/|src\/aws\//.test(
        source,
      ),
    );
    expect(unwanted).toEqual([]);
    expect(urls.filter((url) => /@aws-sdk|@smithy|node_modules/.test(url))).toEqual([]);
    // Few files (scripts/bundle-cli.mjs): the bin, the program's chunk, the estimate chunk, the
    // action's entry and esbuild's runtime helpers; each file costs a resolve, read and link.
    expect(urls.filter((url) => url.startsWith("file:")).length).toBeLessThanOrEqual(5);
  });
});
