// Makes sure the browser tests (test/browser) have Debian's Chromium: `npm test` runs this
// before vitest. Present: nothing to do. Absent and running as root with apt-get: installs the
// `chromium` package (after `apt-get update` if the first try cannot find it). Still absent:
// a loud notice and exit 0 (the browser tests then skip, loudly), unless
// LAMBDA_COST_REQUIRE_BROWSER=1 (.ci/run sets it), which makes a missing browser a failure.
// No browser is ever downloaded from anywhere else (playwright-core's own download is not used).
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const path = process.env.LAMBDA_COST_CHROMIUM ?? "/usr/bin/chromium";
const required = process.env.LAMBDA_COST_REQUIRE_BROWSER === "1";

function aptGet(...args) {
  console.error(`ensure-chromium: apt-get ${args.join(" ")}`);
  const run = spawnSync("apt-get", args, {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
  return run.status === 0;
}

function install() {
  const root = typeof process.getuid === "function" && process.getuid() === 0;
  const hasApt = spawnSync("apt-get", ["--version"], { stdio: "ignore" }).status === 0;
  if (!root || !hasApt)
    return `${root ? "no apt-get here" : "not root"}, so it cannot be installed`;
  if (aptGet("install", "-y", "--no-install-recommends", "chromium") && existsSync(path)) return "";
  if (aptGet("update") && aptGet("install", "-y", "--no-install-recommends", "chromium")) {
    return existsSync(path) ? "" : `apt-get installed chromium, but not at ${path}`;
  }
  return "apt-get could not install chromium";
}

if (!existsSync(path)) {
  const why = install();
  if (why !== "") {
    const notice = [
      "#".repeat(88),
      `#  NO CHROMIUM at ${path} (${why}).`,
      required
        ? "#  LAMBDA_COST_REQUIRE_BROWSER=1: the browser tests are required, so this FAILS."
        : "#  The browser tests of the HTML output will be SKIPPED.",
      "#  Install it (as root: apt-get install -y chromium) or set LAMBDA_COST_CHROMIUM.",
      "#".repeat(88),
    ].join("\n");
    console.error(notice);
    process.exit(required ? 1 : 0);
  }
  console.error(`ensure-chromium: installed ${path}`);
}
