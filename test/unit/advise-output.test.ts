/**
 * Golden files for advise's renderers (table at its natural width and at 80 columns, JSON,
 * CSV), fed from a fixed result model: two recommendations priced by hand. A change in output
 * shows as a diff of test/unit/__golden__/; regenerate on purpose with `npx vitest -u`.
 */
import { describe, expect, it } from "vitest";
import { type AdviceResult, RECOMMENDATION_KINDS } from "../../src/core/advice/index.js";
import { dec } from "../../src/core/money/index.js";
import { renderAdviseCsv } from "../../src/output/advise-csv.js";
import { renderAdviseJson } from "../../src/output/advise-json.js";
import { renderAdviseTable } from "../../src/output/advise-table.js";

const golden = (name: string) => `./__golden__/${name}`;

// 5 × 1 GB × 2,628,000 s × $0.0000041667 = $54.750438; reduce-memory $0 to $6.0833637…
const RESULT: AdviceResult = {
  window: {
    start: new Date("2026-11-01T00:00:00Z"),
    end: new Date("2026-12-01T00:00:00Z"),
    days: 30,
  },
  regions: ["us-east-1"],
  recommendations: [
    {
      kind: "remove-idle-provisioned-concurrency",
      functionName: "idle-pc",
      region: "us-east-1",
      evidence: "provisioned concurrency live: 5 (1024 MB) and 0 invocations in 30 days",
      monthlySaving: { lower: dec("54.750438"), upper: dec("54.750438") },
      nextStep:
        "aws lambda delete-provisioned-concurrency-config --region us-east-1 --function-name idle-pc --qualifier live",
    },
    {
      kind: "reduce-memory",
      functionName: "fat-mem",
      region: "us-east-1",
      evidence: "max memory used 300 MB of 2048 MB, 1,500,000 invocations",
      monthlySaving: { lower: dec(0), upper: dec("6.0833637500000000001") },
      nextStep: "lambda-cost tune fat-mem --region us-east-1 --sizes 512..2048",
    },
  ],
  summary: {
    functionsScanned: 3,
    functionsBelowMinInvocations: 1,
    recommendationsByKind: {
      ...(Object.fromEntries(RECOMMENDATION_KINDS.map((k) => [k, 0])) as Record<
        (typeof RECOMMENDATION_KINDS)[number],
        number
      >),
      "remove-idle-provisioned-concurrency": 1,
      "reduce-memory": 1,
    },
    totalMonthlySaving: { lower: dec("54.750438"), upper: dec("60.8338017500000000001") },
    // 1 GiB scanned × $0.005
    scan: { bytesScanned: 1024 ** 3, cost: dec("0.005"), queries: 1 },
  },
  failures: [{ region: "eu-west-1", what: "region", message: "lambda:ListFunctions failed" }],
  notes: ["Savings are USD a month."],
  priceTableAsOf: "2026-09-28",
};

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
