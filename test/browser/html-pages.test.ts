/// <reference lib="dom" />
/**
 * Every command's `--format html` page in a real browser (Debian's Chromium through
 * playwright-core): opened from file:// with the network cut off, it must log no console error,
 * make no request, draw every chart (a canvas with painted pixels of several colours), show in
 * its data tables exactly the figures of the same run's `--format json`, fit a 360 px screen
 * without sideways scrolling, and stay under 400 KB. Screenshots at 360 and 1440 px are kept in
 * test-artifacts/html/ (not committed); UPDATE_DOC_SCREENSHOTS=1 also writes docs/images/*.png.
 */
import { mkdirSync, statSync, writeFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { Decimal } from "decimal.js";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  BROWSER_AVAILABLE,
  BROWSER_REQUIRED,
  CHROMIUM_PATH,
  MISSING_BROWSER_NOTICE,
  type OfflineBrowser,
  startOfflineBrowser,
} from "./chromium.js";
import { at, buildPages, embeddedJson, type PageUnderTest, parseExact } from "./pages.js";

const ARTIFACTS = "test-artifacts/html";
const SIZE_BUDGET_BYTES = 400 * 1024;
const DOC_SCREENSHOTS = process.env.UPDATE_DOC_SCREENSHOTS === "1";

/** Cents as a US English reader writes them, computed here without the product's formatter. */
const usd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });
const cents = (exact: string) =>
  usd.format(new Decimal(exact).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toNumber());

interface CellSeen {
  json: string;
  exact: string | null;
  text: string;
  kind: string | null;
}

interface CanvasSeen {
  id: string;
  width: number;
  height: number;
  painted: number;
  colours: number;
}

if (!BROWSER_AVAILABLE && !BROWSER_REQUIRED) console.warn(MISSING_BROWSER_NOTICE);

describe.runIf(!BROWSER_AVAILABLE && BROWSER_REQUIRED)("browser required", () => {
  it(`Chromium is installed at ${CHROMIUM_PATH}`, () => {
    expect(BROWSER_AVAILABLE, MISSING_BROWSER_NOTICE).toBe(true);
  });
});

describe.runIf(BROWSER_AVAILABLE)("HTML output in Chromium, offline, from file://", () => {
  let browser: OfflineBrowser;
  let page: Page;
  let dir: string;
  let pages: PageUnderTest[] = [];
  const problems: string[] = [];
  const sizes: Record<string, number> = {};

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "lambda-cost-html-"));
    [browser, pages] = await Promise.all([startOfflineBrowser(), buildPages(dir)]);
    page = await browser.context.newPage();
    page.on("console", (m) => {
      if (m.type() === "error" || m.type() === "warning")
        problems.push(`console ${m.type()}: ${m.text()}`);
    });
    page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
    page.on("requestfailed", (r) => problems.push(`failed request: ${r.url()}`));
    mkdirSync(ARTIFACTS, { recursive: true });
  }, 60_000);

  afterAll(async () => {
    writeFileSync(join(ARTIFACTS, "sizes.json"), `${JSON.stringify(sizes, null, 2)}\n`);
    await browser?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const names = ["estimate", "estimate-scenario", "tune", "crossover", "report", "advise"];

  it.each(names)(
    "%s: opens offline, draws every chart, its tables are the JSON's figures",
    async (name) => {
      const subject = pages.find((p) => p.name === name);
      if (!subject) throw new Error(`no page ${name}`);
      problems.length = 0;
      const size = statSync(subject.htmlFile).size;
      sizes[name] = size;
      expect(size).toBeLessThan(SIZE_BUDGET_BYTES);

      await page.setViewportSize({ width: 1440, height: 900 });
      await page.goto(pathToFileURL(subject.htmlFile).href, { waitUntil: "load" });
      const canvases = await paintedCanvases(page);
      const charts = await page.locator("script.lc-chart").count();
      expect(charts).toBeGreaterThan(0);
      expect(canvases).toHaveLength(charts);
      for (const canvas of canvases) {
        expect(canvas.width, canvas.id).toBeGreaterThan(100);
        // A drawn chart: axes, labels and series cover a good share of the canvas, in several colours.
        expect(canvas.painted / (canvas.width * canvas.height), canvas.id).toBeGreaterThan(0.02);
        expect(canvas.colours, canvas.id).toBeGreaterThanOrEqual(3);
      }

      // Every figure a table takes from the JSON output is that figure, digit for digit; money
      // cells show it rounded to cents.
      const expected = parseExact(subject.json);
      const cells = await page.$$eval("[data-json]", (nodes) =>
        nodes.map((n) => ({
          json: n.getAttribute("data-json") ?? "",
          exact: n.getAttribute("data-exact"),
          text: (n.textContent ?? "").trim(),
          kind: n.getAttribute("data-kind"),
        })),
      );
      expect(cells.length).toBeGreaterThan(3);
      for (const cell of cells as CellSeen[]) {
        expect(cell.exact, cell.json).toBe(at(expected, cell.json));
        if (cell.kind === "money") expect(cell.text, cell.json).toBe(cents(cell.exact ?? ""));
      }
      expect(parseExact(await embeddedJson(subject.htmlFile))).toEqual(expected);

      await page.screenshot({ path: join(ARTIFACTS, `${name}-1440.png`), fullPage: true });
      if (DOC_SCREENSHOTS) await docScreenshot(page, name);
      await page.setViewportSize({ width: 360, height: 800 });
      // Let the charts resize to the narrow screen, then check nothing but tables scrolls sideways.
      await page.waitForFunction(() =>
        Array.from(document.querySelectorAll("canvas")).every(
          (c) => c.getBoundingClientRect().width <= 360,
        ),
      );
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        360,
      );
      await page.screenshot({ path: join(ARTIFACTS, `${name}-360.png`), fullPage: true });
      await EXTRA_CHECKS[name]?.(page);
      expect(problems).toEqual([]);
      expect(browser.blocked).toEqual([]);
    },
  );
});

/** The page's text as laid out for the reader (innerText, not the DOM's textContent). */
function seenText(page: Page): Promise<string> {
  // biome-ignore lint/performance/useDomNodeTextContent: what the reader sees is the point
  return page.locator("main").innerText();
}

/**
 * Checks that need the page open, by page: figures worked out by hand as the reader sees them,
 * and the report's sortable table.
 */
const EXTRA_CHECKS: Record<string, (page: Page) => Promise<void>> = {
  // AWS's worked example: 2M billable requests × $0.0000002 = $0.40; 140,000 GB-s ×
  // $0.0000166667 = $2.333338; total $2.733338.
  estimate: async (page) => {
    const text = await seenText(page);
    expect(text).toMatch(/Requests\s+2,000,000\s+1,000,000\s+requests\s+\$0\.0000002\s+\$0\.40/);
    expect(text).toMatch(/Total \(per month\)\s+\$2\.73/);
  },
  // Tune fixture: 1024 MB bills 0.18 GB-s: $0.0000002 + $0.000003000006 = $3.200006 per 1M;
  // at 10M a month $32.00006, against 512 MB's $35.3334.
  tune: async (page) => {
    const text = await seenText(page);
    expect(text).toContain("Recommended: 1024 MB at $3.20 per 1M invocations");
    expect(text).toMatch(/512 MB now costs \$35\.33, the recommendation \$32\.00/);
  },
  // Advise fixture: 5 × 1 GB × 2,628,000 s × $0.0000041667 = $54.750438 a month of idle PC;
  // reduce-memory saves $0 to $6.08336375.
  advise: async (page) => {
    const text = await seenText(page);
    expect(text).toMatch(
      /remove-idle-provisioned-concurrency: idle-pc \(us-east-1\)\s+\$54\.75\s+\$54\.75/,
    );
    expect(text).toMatch(/reduce-memory: fat-mem \(us-east-1\)\s+\$0\.00\s+\$6\.08/);
  },
  // Ten-function report: api 1,000,000 × $0.00000186667 = $1.86667; thumbs 500,000 ×
  // $0.00000153334 = $0.76667; api against last month's $1.50: +$0.36667.
  report: async (page) => {
    const text = await seenText(page);
    expect(text).toMatch(/api \(us-east-1\)\s+\$1\.87/);
    expect(text).toMatch(/thumbs \(us-east-1\)\s+\$0\.77/);
    expect(text).toMatch(/api \(us-east-1\)\s+\$1\.50\s+\$1\.87\s+\$0\.37/);
    // The full table sorts by a column when its heading is pressed, both ways.
    const header = page.locator("#report-functions thead button", { hasText: "Total" });
    const totals = () =>
      page.$$eval("#report-functions tbody tr td:last-child", (cells) =>
        cells.map((c) => Number(c.getAttribute("data-exact"))),
      );
    await header.click();
    const ascending = await totals();
    expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
    await header.click();
    expect(await totals()).toEqual([...ascending].reverse());
    const th = page.locator("#report-functions thead th", { hasText: "Total" });
    expect(await th.getAttribute("aria-sort")).toBe("descending");
  },
};

/** Each canvas's size, how many pixels are painted and how many colours they use. */
function paintedCanvases(page: Page): Promise<CanvasSeen[]> {
  return page.$$eval("canvas", (nodes) =>
    (nodes as HTMLCanvasElement[]).map((canvas) => {
      const context = canvas.getContext("2d");
      const { width, height } = canvas;
      const data = context?.getImageData(0, 0, width, height).data ?? new Uint8ClampedArray();
      let painted = 0;
      const colours = new Set<number>();
      for (let i = 0; i < data.length; i += 4) {
        if ((data[i + 3] ?? 0) === 0) continue;
        painted += 1;
        if (colours.size < 64) {
          colours.add(((data[i] ?? 0) << 16) | ((data[i + 1] ?? 0) << 8) | (data[i + 2] ?? 0));
        }
      }
      return { id: canvas.id, width, height, painted, colours: colours.size };
    }),
  );
}

/** A small picture of the page's first chart and its table, for the docs (docs/images/). */
async function docScreenshot(page: Page, name: string): Promise<void> {
  await page.setViewportSize({ width: 1000, height: 800 });
  const figure = page.locator("figure.chart").first();
  await page.waitForFunction(() =>
    Array.from(document.querySelectorAll("canvas")).every(
      (c) => c.getBoundingClientRect().width <= 1000,
    ),
  );
  await figure.screenshot({ path: join("docs/images", `html-${name}.png`) });
}
