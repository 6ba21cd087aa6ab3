/**
 * The documented examples run one page per file (page-<name>.test.ts, through run-page.ts), so
 * the pages run in parallel. This file checks that every page with a `$ lambda-cost …` example
 * has its file, so a new page cannot go untested.
 */
import { existsSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { expect, it } from "vitest";
import { readDocExamples } from "./doc-examples.js";
import { ROOT } from "./run-page.js";

const pages = [...new Set(readDocExamples(ROOT).map((example) => example.file))];

it("finds the documented examples", () => {
  expect(readDocExamples(ROOT).length).toBeGreaterThanOrEqual(10);
});

it.each(pages)("%s has a test file that runs its examples", (page) => {
  const file = join(ROOT, "test/docs", `page-${basename(page, ".md").toLowerCase()}.test.ts`);
  expect(existsSync(file), `${file} is missing`).toBe(true);
  expect(readFileSync(file, "utf8")).toContain(`describePage(${JSON.stringify(page)})`);
});
