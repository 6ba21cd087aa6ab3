// `node scripts/node-matrix.mjs [22 24 …]`: installs lambda-cost as users do and runs the CLI
// smoke tests on each supported Node.js major (default: 22 and 24, the versions in `engines`),
// using the `node` package from the npm registry (npx -p node@N), so CI tests what users run
// whatever node the machine itself has. Run by .ci/run after `npm test`; needs `npm run build`.
//
// 1. `npm pack` the clone, then `npm install` the tarball into a temporary project (as a
//    dependency) and `npm install -g` it into a temporary prefix (as a global tool); also
//    install the clone's HEAD as a git dependency (what a git-tag install does).
// 2. For each Node major, with that node first on PATH (the bin's `#!/usr/bin/env node` picks
//    it): --version, estimate (AWS's worked example), the library imports (each sub-path), the emulator with no
//    --config, tune against it (the function put back) and report against it.
// Prints one line per check and a summary; exits 1 when any check fails.
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const majors = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ["22", "24"];
const work = mkdtempSync(join(tmpdir(), "lambda-cost-node-matrix-"));
const npmEnv = { ...process.env, npm_config_audit: "false", npm_config_fund: "false" };
let failures = 0;

function step(label, fn) {
  const started = Date.now();
  try {
    const detail = fn();
    console.log(
      `node-matrix: ok   ${label} (${Date.now() - started} ms)${detail ? `: ${detail}` : ""}`,
    );
  } catch (error) {
    failures += 1;
    console.log(`node-matrix: FAIL ${label}: ${String(error.message ?? error).trim()}`);
  }
}

function sh(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: "utf8", env: npmEnv, ...options });
  if (result.status !== 0) {
    throw new Error(
      `${command} ${args.join(" ")} exited ${result.status ?? result.signal}\n${result.stdout}${result.stderr}`,
    );
  }
  return result.stdout;
}

// 1. Pack once, install twice.
const { name, version } = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
const tarball = join(work, `${name}-${version}.tgz`);
step(`npm pack → ${name}-${version}.tgz`, () => {
  sh("npm", ["pack", "--ignore-scripts", "--pack-destination", work], { cwd: ROOT });
  if (!existsSync(tarball)) throw new Error(`${tarball} was not written`);
});
const project = join(work, "project");
const prefix = join(work, "global");
step("npm install ./lambda-cost-X.tgz (as a dependency)", () => {
  execFileSync("mkdir", ["-p", project]);
  writeFileSync(
    join(project, "package.json"),
    '{ "name": "smoke", "private": true, "type": "module" }\n',
  );
  sh("npm", ["install", "--prefer-offline", tarball], { cwd: project });
});
step("npm install -g ./lambda-cost-X.tgz (global, temp prefix)", () => {
  sh("npm", ["install", "-g", "--prefer-offline", "--prefix", prefix, tarball], { cwd: work });
});
const globalBin = join(prefix, "bin", "lambda-cost");
// A git-tag install is a git dependency: npm clones, installs the dev dependencies and runs
// `prepare` (the build). Tested with this clone's HEAD commit as the "tag". (`npm install -g`
// from git fails in npm 11 for any package that builds in `prepare`: npm's nested install of
// the clone inherits -g. The docs say to install globally from the tarball instead.)
const fromGit = join(work, "from-git");
step("npm install git+file://<clone>#<commit> (as a dependency, builds in prepare)", () => {
  const commit = sh("git", ["rev-parse", "HEAD"], { cwd: ROOT }).trim();
  execFileSync("mkdir", ["-p", fromGit]);
  writeFileSync(join(fromGit, "package.json"), '{ "name": "from-git", "private": true }\n');
  sh("npm", ["install", "--prefer-offline", `git+file://${ROOT}#${commit}`], { cwd: fromGit });
  const out = sh(join(fromGit, "node_modules", ".bin", "lambda-cost"), [
    "estimate",
    "--memory",
    "1536",
    "--duration",
    "120ms",
    "--requests",
    "3M",
  ]);
  if (!/Total \(per month\).*\$2\.73/.test(out)) throw new Error(`no $2.73 total in:\n${out}`);
  return `built from ${commit.slice(0, 12)}, estimate ok`;
});

// 2. Each Node major.
for (const major of majors) {
  let nodePath;
  step(`node@${major} from the npm registry`, () => {
    nodePath = sh("npx", ["-y", "-p", `node@${major}`, "node", "-p", "process.execPath"], {
      cwd: work,
    }).trim();
    return sh(nodePath, ["--version"]).trim();
  });
  if (!nodePath) continue;
  await smoke(major, nodePath);
}

async function smoke(major, nodePath) {
  const state = mkdtempSync(join(work, `state-${major}-`));
  const env = {
    PATH: `${dirname(nodePath)}:${process.env.PATH}`,
    HOME: state,
    XDG_STATE_HOME: state,
    NO_COLOR: "1",
    AWS_ACCESS_KEY_ID: "x",
    AWS_SECRET_ACCESS_KEY: "y",
    AWS_REGION: "us-east-1",
  };
  // The global bin runs through its shebang, so the node on PATH is the one under test.
  const cli = (args) => sh(globalBin, args, { cwd: state, env });
  const tag = `node ${major}:`;
  step(`${tag} lambda-cost --version runs on ${major}`, () => {
    const reported = sh(globalBin, ["--version"], { env }).trim();
    const actual = sh("node", ["-p", "process.versions.node"], { env }).trim();
    if (!actual.startsWith(`${major}.`)) throw new Error(`PATH's node is ${actual}`);
    return `lambda-cost ${reported} on node ${actual}`;
  });
  step(`${tag} estimate (AWS's example: $2.73)`, () => {
    const out = cli(["estimate", "--memory", "1536", "--duration", "120ms", "--requests", "3M"]);
    if (!/Total \(per month\).*\$2\.73/.test(out)) throw new Error(`no $2.73 total in:\n${out}`);
  });
  step(`${tag} import "lambda-cost" from a project`, () => {
    const code =
      'import { estimateLambdaCost } from "lambda-cost"; console.log(estimateLambdaCost([{ region: "us-east-1", architecture: "x86_64", memoryMb: 1536, monthlyRequests: 3_000_000, averageDurationMs: 120 }]).total.toFixed(2));';
    const out = sh(nodePath, ["--input-type=module", "-e", code], { cwd: project, env }).trim();
    if (out !== "2.73") throw new Error(`got ${out}, want 2.73`);
  });
  step(`${tag} import each sub-path (tune, crossover, report, emulator) from a project`, () => {
    const code =
      'for (const s of ["tune", "crossover", "report", "emulator"]) { const m = await import("lambda-cost/" + s); console.log(s, Object.keys(m).length); }';
    const out = sh(nodePath, ["--input-type=module", "-e", code], { cwd: project, env }).trim();
    if (!/^tune \d+\ncrossover \d+\nreport \d+\nemulator \d+$/.test(out)) throw new Error(out);
    return out.replace(/\n/g, ", ");
  });
  const emulator = spawn(globalBin, ["emulator", "--port", "0"], { cwd: state, env });
  let endpoint;
  try {
    endpoint = await listening(emulator);
    step(`${tag} emulator with no --config serves the demo account`, () => endpoint);
  } catch (error) {
    step(`${tag} emulator with no --config serves the demo account`, () => {
      throw error;
    });
    return;
  }
  try {
    step(`${tag} tune resize-image against the emulator`, () => {
      const out = cli([
        "tune",
        "resize-image",
        "--endpoint-url",
        endpoint,
        "--sizes",
        "512,1024,2048",
        "--invocations",
        "5",
        "--format",
        "json",
      ]);
      const result = JSON.parse(out);
      if (!result.recommendation) throw new Error(`no recommendation in ${out.slice(0, 300)}`);
      return `recommends ${result.recommendation.memoryMb} MB`;
    });
    step(`${tag} report --month 2026-10 against the emulator`, () => {
      const out = cli([
        "report",
        "--month",
        "2026-10",
        "--regions",
        "us-east-1,eu-west-1",
        "--endpoint-url",
        endpoint,
        "--out-dir",
        join(state, "reports"),
      ]);
      if (!existsSync(join(state, "reports", "lambda-cost-2026-10-123456789012.csv"))) {
        throw new Error(`no CSV written; output:\n${out}`);
      }
      return out.split("\n")[0];
    });
  } finally {
    emulator.kill("SIGINT");
  }
}

function listening(child) {
  return new Promise((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error(`no endpoint after 20 s: ${out}`)), 20_000);
    child.stdout.on("data", (d) => {
      out += d;
      const match = /Emulator listening on (\S+)\n[^\n]*demo account/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.stderr.on("data", (d) => {
      out += d;
    });
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`emulator exited ${code}: ${out}`));
    });
  });
}

console.log(
  failures === 0
    ? `node-matrix: every check passed on node ${majors.join(" and ")}`
    : `node-matrix: ${failures} check(s) FAILED (see FAIL lines above)`,
);
process.exit(failures === 0 ? 0 : 1);
