/**
 * The HTML renderers (src/output/*-html.ts) as golden files, with a stand-in for Chart.js (the
 * real library is 200 KB of someone else's code: the browser test runs it). The pages
 * themselves are checked in Chromium by test/browser/html-pages.test.ts; here: the page
 * cannot be broken out of by hostile text, and it asks for nothing from the network.
 */
import { describe, expect, it } from "vitest";
import { crossoverWithShippedPrices } from "../../src/api/crossover.js";
import { dec } from "../../src/core/money/index.js";
import type { TuneResult } from "../../src/core/tuning/types.js";
import { renderAdviseHtml } from "../../src/output/advise-html.js";
import { renderCrossoverHtml } from "../../src/output/crossover-html.js";
import { renderEstimateHtml } from "../../src/output/estimate-html.js";
import { escapeHtml, escapeScriptJson } from "../../src/output/html/escape.js";
import { renderReportHtml } from "../../src/output/report-html.js";
import { renderTuneHtml } from "../../src/output/tune-html.js";
import { RESULT as ADVICE } from "./advise-fixtures.js";
import { ISSUE_EXAMPLE } from "./crossover-fixtures.js";
import {
  estimateReport,
  PREVIOUS_MONTH,
  README_USAGE,
  tenFunctionReport,
  tuneResult,
} from "./output-fixtures.js";

const assets = { chartLibrary: "/* Chart.js stand-in */" };
const crossover = crossoverWithShippedPrices(ISSUE_EXAMPLE);

describe("HTML pages (golden files)", () => {
  const pages: Array<[string, () => string]> = [
    ["estimate.html", () => renderEstimateHtml(estimateReport(), assets)],
    ["tune.html", () => renderTuneHtml(tuneResult(), assets)],
    ["crossover.html", () => renderCrossoverHtml(crossover, assets)],
    ["advise.html", () => renderAdviseHtml(ADVICE, assets)],
    [
      "report.html",
      () => renderReportHtml({ report: tenFunctionReport(), previous: PREVIOUS_MONTH }, assets),
    ],
  ];
  it.each(pages)("%s", async (name, render) => {
    await expect(render()).toMatchFileSnapshot(`./__golden__/${name}`);
  });

  it.each(pages)(
    "%s loads nothing from anywhere (no src=, href= or url(); a CSP of 'none')",
    (_name, render) => {
      const html = render();
      expect(html).not.toMatch(/\s(src|href)\s*=/i);
      expect(html).not.toMatch(/url\(/i);
      expect(html).toContain(`content="default-src 'none';`);
    },
  );
});

describe("tune page with both architectures", () => {
  it("names each size with its architecture, highlights the one recommended, compares them", () => {
    const base = tuneResult();
    const result: TuneResult = {
      ...base,
      sizes: (["x86_64", "arm64"] as const).flatMap((architecture) =>
        base.sizes.map((s) => ({ ...s, architecture })),
      ),
      recommendation: base.recommendation && { ...base.recommendation, architecture: "arm64" },
      // arm64's duration price is 0.8 of x86_64's: 0.0000002 + 0.18 × 0.0000133334 per invocation
      // = $2.600012 per 1M against $3.200006: (2.600012 − 3.200006) / 3.200006 = −18.75%.
      architectureComparison: {
        memoryMb: 1024,
        x86CostPerMillion: dec("3.200006"),
        arm64CostPerMillion: dec("2.600012"),
        arm64RelativeDifference: -0.1875,
        distinguishable: true,
        x86DurationMs: 179.5,
        arm64DurationMs: 179.5,
      },
    };
    const html = renderTuneHtml(result, assets);
    expect(html).toContain(
      '"labels":["128 MB x86_64","512 MB x86_64","1024 MB x86_64","128 MB arm64"',
    );
    expect(html.match(/<td>recommended<\/td>/g)).toHaveLength(1);
    expect(html).toMatch(
      /<th scope="row">1024 MB arm64<\/th>(<td[^>]*>[^<]*<\/td>){2}<td>recommended</,
    );
    expect(html).toContain(
      "At 1024 MB, arm64 costs $2.60 per 1M invocations against x86_64&#39;s $3.20 (-18.8%;",
    );
  });
});

describe("report page", () => {
  it("draws the ten most expensive functions and groups the rest into one bar", () => {
    const html = renderReportHtml({ report: tenFunctionReport(2) }, assets);
    // The two extra functions cost 2 × 1,000 × $0.00000186667 = $0.00373334 together.
    expect(html).toMatch(
      /<th scope="row">2 other functions<\/th><td class="num" data-exact="0\.00373334"/,
    );
    expect(html).toContain('"labels":["api (us-east-1)"');
    expect(html).toContain('"2 other functions"]');
    // Without last month's report there is nothing to compare, and the page says so.
    expect(html).toContain("No report of the month before in the output directory");
  });
});

describe("hostile text in a page", () => {
  it("a function name cannot end the script holding the JSON, nor open a tag", () => {
    const name = "</script><script>alert(1)</script>\u2028";
    const html = renderEstimateHtml(
      estimateReport([{ ...README_USAGE, name }, README_USAGE]),
      assets,
    );
    expect(html).not.toContain("<script>alert(1)");
    expect(html.match(/<\/script>/g)?.length).toBe(html.match(/<script[ >]/g)?.length);
    expect(html).toContain("&lt;/script&gt;&lt;script&gt;alert(1)");
  });

  it("escapes for text, attributes and inline JSON", () => {
    expect(escapeHtml(`a<b & "c" 'd'`)).toBe("a&lt;b &amp; &quot;c&quot; &#39;d&#39;");
    const json = JSON.stringify({ name: "</script>&\u2028" });
    const escaped = escapeScriptJson(json);
    expect(escaped).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(escaped)).toEqual(JSON.parse(json));
  });
});
