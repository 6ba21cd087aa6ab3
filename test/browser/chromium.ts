/**
 * Debian's Chromium driven by playwright-core (no browser download): one browser per test file,
 * a fresh profile, no network. `scripts/ensure-chromium.mjs` (run by `npm test`) installs it
 * when it can; without it these tests skip with a loud notice, unless LAMBDA_COST_REQUIRE_BROWSER=1
 * (`.ci/run`) makes them mandatory.
 */
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium } from "playwright-core";

export const CHROMIUM_PATH = process.env.LAMBDA_COST_CHROMIUM ?? "/usr/bin/chromium";
export const BROWSER_REQUIRED = process.env.LAMBDA_COST_REQUIRE_BROWSER === "1";
export const BROWSER_AVAILABLE = existsSync(CHROMIUM_PATH);

/** Chromium flags for a quiet, offline, throw-away run (as root, hence --no-sandbox). */
const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export interface OfflineBrowser {
  context: BrowserContext;
  /** Every request that was not for a file:// URL (each one was aborted). */
  blocked: string[];
  close(): Promise<void>;
}

/** Starts Chromium with a fresh profile; every request that is not file:// is aborted and noted. */
export async function startOfflineBrowser(): Promise<OfflineBrowser> {
  const profile = await mkdtemp(join(tmpdir(), "lambda-cost-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ARGS,
    offline: true,
  });
  const blocked: string[] = [];
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith("file:")) return route.continue();
    blocked.push(url);
    return route.abort();
  });
  return {
    context,
    blocked,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** The notice when the browser tests cannot run: loud, so nobody mistakes a skip for a pass. */
export const MISSING_BROWSER_NOTICE = `
########################################################################################
#  BROWSER TESTS SKIPPED: no Chromium at ${CHROMIUM_PATH}.
#  The HTML output (--format html) was NOT checked in a browser.
#  Install it (as root: apt-get install -y chromium) or set LAMBDA_COST_CHROMIUM;
#  LAMBDA_COST_REQUIRE_BROWSER=1 (as .ci/run sets) turns this skip into a failure.
########################################################################################
`;
