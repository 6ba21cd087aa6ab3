/** The one table renderer: natural layout, wrapping, splitting with key columns, blocks; prose. */
import { describe, expect, it } from "vitest";
import { type Column, renderTable, wrapProse, wrapText } from "../../src/output/text-table.js";

const widest = (text: string) => Math.max(...text.split("\n").map((l) => [...l].length));
const columns: Column[] = [{ head: "name" }, { head: "note" }, { head: "cost", align: "right" }];
const rows = [
  ["api", "a long note that can wrap at spaces", "$1,234.56"],
  ["worker", "short", "$7.00"],
];

describe("renderTable", () => {
  it("keeps the natural layout when it fits (or when there is no limit)", () => {
    const text = renderTable(columns, rows);
    expect(text.split("\n")[1]).toBe(
      "│ name   │ note                                │      cost │",
    );
    expect(text).toContain("│ worker │ short                               │     $7.00 │");
    expect(renderTable(columns, rows, { maxWidth: widest(text) })).toBe(text);
  });

  it("wraps the column whose narrowing costs fewest lines, at spaces", () => {
    const text = renderTable(columns, rows, { maxWidth: 40 });
    expect(widest(text)).toBe(40);
    // 40 − frame 10 − name 6 − cost 9 leaves the note 15 cells.
    expect(text).toContain("│ api    │ a long note     │ $1,234.56 │");
    expect(text).toContain("│        │ that can wrap   │           │");
    expect(text).toContain("│        │ at spaces       │           │");
  });

  it("splits into tables that repeat the key columns when wrapping is not enough", () => {
    const wide: Column[] = [
      { head: "id" },
      ...["alpha", "beta", "gamma"].map((head) => ({ head })),
    ];
    const text = renderTable(wide, [["r1", "a".repeat(20), "b".repeat(20), "c".repeat(20)]], {
      maxWidth: 40,
    });
    expect(widest(text)).toBeLessThanOrEqual(40);
    // Each 20-cell column needs 30 with the key: one per part.
    expect(text.match(/│ id │/g)).toHaveLength(3);
    expect(text.match(/│ r1 │/g)).toHaveLength(3);
    expect(text).toContain("│ r1 │ cccccccccccccccccccc │");
  });

  it("falls back to one block per row when one column beside the keys is too wide", () => {
    const text = renderTable(columns, [["api", "x".repeat(50), "$1.00"]], { maxWidth: 30 });
    expect(widest(text)).toBeLessThanOrEqual(30);
    expect(text.split("\n")[0]).toBe("name  api");
    expect(text).toContain("cost  $1.00");
  });

  it("puts a rule above a total row", () => {
    const text = renderTable(columns, [...rows, ["Total", "", "$1,241.56"]], { totalRow: true });
    const lines = text.split("\n");
    expect(lines[lines.length - 3]).toMatch(/^├/);
    expect(lines[lines.length - 2]).toContain("Total");
  });
});

describe("wrapText and wrapProse", () => {
  it("wraps at spaces and cuts a word only when asked", () => {
    expect(wrapText("one two three", 7)).toEqual(["one two", "three"]);
    expect(wrapText("abcdefghij", 4)).toEqual(["abcdefghij"]);
    expect(wrapText("abcdefghij", 4, true)).toEqual(["abcd", "efgh", "ij"]);
  });

  it("keeps indentation and bullets, and leaves text alone without a limit", () => {
    const text = "- first item that is long\n  1. second item that is long";
    expect(wrapProse(text, 16)).toBe(
      "- first item\n  that is long\n  1. second item\n     that is\n     long",
    );
    expect(wrapProse(text, Number.POSITIVE_INFINITY)).toBe(text);
  });
});
