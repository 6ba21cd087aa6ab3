// `npm run prepare`: build, unless dist/ is already newer than everything it is built from.
// npm runs `prepare` on `npm ci`/`npm install` in the clone (which must build), on `npm pack`,
// on git-dependency installs, and also whenever `npx lambda-cost` inside the clone links the
// clone into npx's cache: a full rebuild there cost ~20 s for nothing. So: build once, then
// skip while the sources are older than the output.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const OUTPUTS = ["dist/bin/lambda-cost.js", "dist/index.js"];
const INPUTS = [
  "src",
  "pricing",
  "scripts/bundle-cli.mjs",
  "scripts/bundle-library.mjs",
  "scripts/esbuild-json-as-parse.mjs",
  "tsconfig.base.json",
  "tsconfig.build.json",
  "package.json",
];

/** The newest modification time under `path` (a file or a folder, recursively). */
function newestMs(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs; // a deleted file changes its folder's time
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMs(join(path, entry)));
  return newest;
}

const upToDate =
  OUTPUTS.every((path) => existsSync(path)) &&
  Math.min(...OUTPUTS.map((path) => statSync(path).mtimeMs)) >
    Math.max(...INPUTS.filter((path) => existsSync(path)).map(newestMs));

if (upToDate) {
  console.log(
    "lambda-cost: dist/ is newer than its sources; not rebuilding (npm run build forces it)",
  );
} else {
  const npm = process.env.npm_execpath;
  const result = npm
    ? spawnSync(process.execPath, [npm, "run", "build"], { stdio: "inherit" })
    : spawnSync("npm", ["run", "build"], { stdio: "inherit", shell: process.platform === "win32" });
  process.exit(result.status ?? 1);
}
