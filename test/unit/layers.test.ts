/**
 * The layering rules in .dependency-cruiser.cjs (run on src/ by `npm run lint`) can fail: a
 * throw-away tree with one forbidden import per rule must break every one of them. Without this,
 * a rule whose path pattern matched nothing would pass silently forever.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { cruise, type IReporterOutput } from "dependency-cruiser";
import { afterAll, describe, expect, it } from "vitest";

const config = createRequire(import.meta.url)("../../.dependency-cruiser.cjs") as {
  forbidden: Array<{ name: string }>;
};

/** One file per layer; each line is a forbidden import, named by the rule it breaks. */
const badTree: Record<string, string> = {
  "src/core/ok.ts": "export const ok = 1;\n",
  "src/core/reads-files.ts":
    'import { readFileSync } from "node:fs";\nexport const r = readFileSync;\n', // core-is-pure
  "src/core/cycle-a.ts": 'import type { B } from "./cycle-b.js";\nexport type A = B[];\n', // no-cycles
  "src/core/cycle-b.ts": 'import type { A } from "./cycle-a.js";\nexport type B = { a: A };\n',
  "src/tune/service.ts":
    'import { adapter } from "../aws/adapter.js";\nexport const s = adapter;\n', // services-use-ports
  "src/aws/adapter.ts":
    'import { render } from "../output/render.js";\nexport const adapter = render;\n', // adapters-import-core
  "src/output/render.ts":
    'import { price } from "../prices/table.js";\nexport const render = price;\n', // output-imports-core
  "src/prices/table.ts": 'import { write } from "../fs/write.js";\nexport const price = write;\n', // prices-import-core
  "src/fs/write.ts": 'import { ok } from "../core/ok.js";\nexport const write = ok;\n', // fs-imports-nothing
  "src/emulator/server.ts": 'import { s } from "../tune/service.js";\nexport const e = s;\n', // emulator-imports-core
  "src/report/service.ts": 'import { flag } from "../cli/flag.js";\nexport const r = flag;\n', // nothing-imports-cli
  "src/cli/flag.ts": "export const flag = 1;\n",
  "src/index.ts": 'export { s } from "./tune/service.js";\n', // root-entry-stays-light
};

const root = mkdtempSync(join(tmpdir(), "lambda-cost-layers-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("layer rules", () => {
  it("each rule fires on the import it forbids", async () => {
    for (const [file, text] of Object.entries(badTree)) {
      mkdirSync(dirname(join(root, file)), { recursive: true });
      writeFileSync(join(root, file), text);
    }
    const result = await cruise(
      ["src"],
      {
        baseDir: root,
        validate: true,
        ruleSet: { forbidden: config.forbidden } as never,
        tsPreCompilationDeps: true,
        doNotFollow: { path: "node_modules" },
      },
      { extensions: [".ts", ".js"] },
    );
    const output = (result as IReporterOutput).output as {
      summary: { violations: Array<{ rule: { name: string }; from: string; to: string }> };
    };
    const broken = output.summary.violations
      .map((v) => `${v.rule.name}: ${v.from} -> ${v.to}`)
      .sort();
    expect(broken).toEqual(
      [
        "adapters-import-core: src/aws/adapter.ts -> src/output/render.ts",
        "core-is-pure: src/core/reads-files.ts -> fs",
        "emulator-imports-core: src/emulator/server.ts -> src/tune/service.ts",
        "fs-imports-nothing: src/fs/write.ts -> src/core/ok.ts",
        "no-cycles: src/core/cycle-a.ts -> src/core/cycle-b.ts",
        "nothing-imports-cli: src/report/service.ts -> src/cli/flag.ts",
        "output-imports-core: src/output/render.ts -> src/prices/table.ts",
        "prices-import-core: src/prices/table.ts -> src/fs/write.ts",
        "root-entry-stays-light: src/index.ts -> src/aws/adapter.ts",
        "root-entry-stays-light: src/index.ts -> src/tune/service.ts",
        "services-use-ports: src/report/service.ts -> src/cli/flag.ts",
        "services-use-ports: src/tune/service.ts -> src/aws/adapter.ts",
      ].sort(),
    );
    // Every rule in the config is exercised above.
    expect(new Set(output.summary.violations.map((v) => v.rule.name))).toEqual(
      new Set(config.forbidden.map((rule) => rule.name)),
    );
  }, 20_000);
});
