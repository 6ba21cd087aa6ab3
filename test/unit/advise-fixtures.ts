/** A fixed advice result (two recommendations priced by hand), for the renderer and page tests. */
import { type AdviceResult, RECOMMENDATION_KINDS } from "../../src/core/advice/index.js";
import { dec } from "../../src/core/money/index.js";

// 5 × 1 GB × 2,628,000 s × $0.0000041667 = $54.750438; reduce-memory $0 to $6.0833637…
export const RESULT: AdviceResult = {
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
