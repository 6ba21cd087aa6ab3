/** The programmatic API: what `import { … } from "lambda-cost"` gives for crossover. */
import { describe, expect, it } from "vitest";
import {
  crossover,
  crossoverJson,
  crossoverWithShippedPrices,
  loadEc2PriceTable,
  loadFargatePriceTable,
  loadLambdaPriceTable,
  VALID_FARGATE_TASK_SIZES,
} from "../../src/api/crossover.js";
import { ISSUE_EXAMPLE } from "./crossover-fixtures.js";

const INPUT = ISSUE_EXAMPLE;

describe("crossover API", () => {
  it("one call on the shipped prices equals the pure function on loaded tables", () => {
    const a = crossoverWithShippedPrices(INPUT);
    const b = crossover(INPUT, {
      lambda: loadLambdaPriceTable(),
      fargate: loadFargatePriceTable(),
      ec2: loadEc2PriceTable(),
    });
    // See test/unit/crossover-scenarios.test.ts for the hand computation of 226,242,690.
    expect(a.ec2.breakEven.requestsPerMonth).toBe(226_242_690);
    expect(crossoverJson(a)).toEqual(crossoverJson(b));
    expect(crossoverJson(a).breakEven.ec2RequestsPerMonth).toBe(226_242_690);
  });

  it("exports the valid Fargate sizes for callers to show", () => {
    expect(VALID_FARGATE_TASK_SIZES).toContain("16vcpu-{32..120 by 8}gb");
  });
});
