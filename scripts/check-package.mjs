// `npm run check:package` (part of `npm test`, after the build): packs the clone as npm would
// publish it and checks the tarball's entry points with @arethetypeswrong/cli, offline. The
// package is ESM only (`"type": "module"`, no `require` condition), so the esm-only profile:
// every sub-path (lambda-cost, /tune, /crossover, /report, /emulator) must resolve with its
// types under node16 (from ESM) and bundler resolution. Exits 1 on any problem.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "lc-attw-"));
try {
  // --ignore-scripts: dist/ was just built by `npm run build`; `prepare` need not look again.
  const out = execFileSync(
    "npm",
    ["pack", "--json", "--ignore-scripts", "--pack-destination", dir],
    {
      cwd: ROOT,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  const [{ filename }] = JSON.parse(out);
  execFileSync(
    join(ROOT, "node_modules/.bin/attw"),
    [join(dir, filename), "--profile", "esm-only", "--format", "table-flipped"],
    { stdio: "inherit" },
  );
} catch (error) {
  process.exitCode = 1;
  if (error.status === undefined) throw error;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
