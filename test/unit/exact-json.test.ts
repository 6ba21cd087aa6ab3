import { describe, expect, it } from "vitest";
import { dec } from "../../src/core/money/index.js";
import { stringifyExact } from "../../src/output/exact-json.js";

describe("stringifyExact", () => {
  it("writes Decimals as bare numbers with every digit", () => {
    // 0.1 + 0.2 is 0.30000000000000004 as floats; exactly 0.3 as decimals.
    const text = stringifyExact({ total: dec("0.1").plus("0.2"), price: dec("0.0000166667") });
    expect(text).toBe('{\n  "total": 0.3,\n  "price": 0.0000166667\n}');
  });

  it("keeps digits a double cannot hold, and leaves strings alone", () => {
    const text = stringifyExact({ cost: dec("24.413300000000000001"), note: "0.5" });
    expect(text).toContain('"cost": 24.413300000000000001');
    expect(text).toContain('"note": "0.5"');
  });

  it("handles negatives and nested arrays", () => {
    expect(stringifyExact([dec("-1.5"), { a: [dec("2")] }])).toBe(
      '[\n  -1.5,\n  {\n    "a": [\n      2\n    ]\n  }\n]',
    );
  });
});
