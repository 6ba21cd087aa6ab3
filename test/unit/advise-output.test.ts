/**
 * Golden files for advise's renderers (table at its natural width and at 80 columns, JSON,
 * CSV), fed from a fixed result model: two recommendations priced by hand. A change in output
 * shows as a diff of test/unit/__golden__/; regenerate on purpose with `npx vitest -u`.
 */
import { describe, expect, it } from "vitest";
import { renderAdviseCsv } from "../../src/output/advise-csv.js";
import { renderAdviseJson } from "../../src/output/advise-json.js";
import { renderAdviseTable } from "../../src/output/advise-table.js";
import { RESULT } from "./advise-fixtures.js";

const golden = (name: string) => `./__golden__/${name}`;

describe("advise renderers", () => {
  it("table, natural width and 80 columns", async () => {
    await expect(renderAdviseTable(RESULT)).toMatchFileSnapshot(golden("advise-table.txt"));
    const narrow = renderAdviseTable(RESULT, { maxWidth: 80 });
    expect(Math.max(...narrow.split("\n").map((l) => [...l].length))).toBeLessThanOrEqual(80);
    await expect(narrow).toMatchFileSnapshot(golden("advise-table-80.txt"));
    expect(renderAdviseTable(RESULT)).toMatch(/│ 1 │ +\$54\.75 │ remove-idle/);
    expect(renderAdviseTable(RESULT)).toMatch(/\$0\.00–\$6\.08 │ reduce-memory/);
    expect(renderAdviseTable(RESULT)).toMatch(/Total: \$54\.75–\$60\.83 a month/);
  });

  it("JSON: the pinned shape, dollars to 6 places", async () => {
    const json = JSON.parse(renderAdviseJson(RESULT));
    expect(Object.keys(json)).toEqual(["recommendations", "summary"]);
    expect(json.recommendations[1]).toEqual({
      kind: "reduce-memory",
      function: "fat-mem",
      region: "us-east-1",
      evidence: "max memory used 300 MB of 2048 MB, 1,500,000 invocations",
      monthlySaving: { lower: 0, upper: 6.083364 },
      nextStep: "lambda-cost tune fat-mem --region us-east-1 --sizes 512..2048",
    });
    await expect(renderAdviseJson(RESULT)).toMatchFileSnapshot(golden("advise.json"));
  });

  it("CSV: one row per recommendation", async () => {
    const csv = renderAdviseCsv(RESULT);
    expect(csv.trimEnd().split("\n")).toHaveLength(3);
    expect(csv).toMatch(/^rank,kind,region,function_name,monthly_saving_lower_usd,/);
    expect(csv).toMatch(
      /\n1,remove-idle-provisioned-concurrency,us-east-1,idle-pc,54\.750438,54\.750438,/,
    );
    await expect(csv).toMatchFileSnapshot(golden("advise.csv"));
  });
});
