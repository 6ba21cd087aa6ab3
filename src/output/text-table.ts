/**
 * The one table renderer of every command: a box-drawn table that fits a width. When the
 * natural layout is too wide, the widest columns wrap at spaces (never inside a word); when even
 * the narrowest wrapped layout is too wide, the columns are split into several tables, each
 * repeating the key columns (the ones that name the row); when even one column beside the keys
 * is too wide, each row becomes a block of "heading  value" lines.
 *
 * Plain text only (no colour), measured in code points: every character these tables print is
 * one terminal cell wide. cli-table3 was dropped for this: it wraps only columns given a fixed
 * width and cost estimate's start-up budget (see bench:startup).
 */
export type Align = "left" | "right";

export interface Column {
  head: string;
  align?: Align | undefined;
  /** Wrap this column's text at this width even when the table would fit wider (long prose). */
  wrapAt?: number | undefined;
}

export interface TableOptions {
  /** The widest line allowed; Infinity (the default) keeps the natural layout. */
  maxWidth?: number | undefined;
  /** A rule above the last row (a total). */
  totalRow?: boolean | undefined;
  /** How many leading columns name a row; repeated in every part of a split table. Default 1. */
  keyColumns?: number | undefined;
}

/** Code points, which is terminal cells for the characters these tables print. */
export const textWidth = (text: string): number => [...text].length;

export function renderTable(
  columns: Column[],
  rows: string[][],
  options: TableOptions = {},
): string {
  const maxWidth = options.maxWidth ?? Number.POSITIVE_INFINITY;
  const natural = columns.map((c, i) =>
    Math.min(
      c.wrapAt ?? Number.POSITIVE_INFINITY,
      Math.max(textWidth(c.head), ...rows.map((r) => textWidth(r[i] ?? ""))),
    ),
  );
  const widths = fitWidths(columns, rows, natural, maxWidth);
  if (widths !== undefined) return drawTable(columns, rows, widths, options.totalRow === true);
  const keys = Math.min(options.keyColumns ?? 1, columns.length - 1);
  const groups = splitColumns(natural, keys, maxWidth);
  const parts = groups.map((group) => {
    const pick = <T>(items: T[]) => group.map((i) => items[i] as T);
    const groupRows = rows.map(pick);
    const fitted = fitWidths(pick(columns), groupRows, pick(natural), maxWidth);
    return fitted === undefined
      ? undefined
      : drawTable(pick(columns), groupRows, fitted, options.totalRow === true);
  });
  if (groups.length > 1 && parts.every((p) => p !== undefined)) return parts.join("\n");
  return renderBlocks(columns, rows, maxWidth);
}

/**
 * Column indexes for each part of a split table: the keys, then as many further columns (in
 * order) as fit at their natural widths; a column too wide even alone goes alone (and wraps).
 */
function splitColumns(natural: number[], keys: number, maxWidth: number): number[][] {
  const keyIndexes = natural.slice(0, keys).map((_, i) => i);
  const keyWidth = natural.slice(0, keys).reduce((a, b) => a + b + 3, 1);
  const groups: number[][] = [];
  let current: number[] = [];
  let width = keyWidth;
  for (let i = keys; i < natural.length; i++) {
    const w = (natural[i] ?? 0) + 3;
    if (current.length > 0 && width + w > maxWidth) {
      groups.push([...keyIndexes, ...current]);
      current = [];
      width = keyWidth;
    }
    current.push(i);
    width += w;
  }
  if (current.length > 0) groups.push([...keyIndexes, ...current]);
  return groups;
}

function drawTable(columns: Column[], rows: string[][], widths: number[], totalRow: boolean) {
  const rule = (left: string, mid: string, right: string) =>
    `${left}${widths.map((w) => "─".repeat(w + 2)).join(mid)}${right}`;
  const line = (cells: string[]) => {
    const wrapped = cells.map((cell, c) => wrapText(cell, widths[c] ?? 1));
    const height = Math.max(...wrapped.map((w) => w.length));
    const out: string[] = [];
    for (let k = 0; k < height; k++) {
      const parts = wrapped.map((w, c) => {
        const text = w[k] ?? "";
        const pad = " ".repeat((widths[c] ?? 0) - textWidth(text));
        return columns[c]?.align === "right" ? ` ${pad}${text} ` : ` ${text}${pad} `;
      });
      out.push(`│${parts.join("│")}│`);
    }
    return out;
  };
  const body = rows.map(line);
  const last = totalRow ? body.pop() : undefined;
  return [
    rule("┌", "┬", "┐"),
    ...line(columns.map((c) => c.head)),
    rule("├", "┼", "┤"),
    ...body.flat(),
    ...(last === undefined ? [] : [rule("├", "┼", "┤"), ...last]),
    rule("└", "┴", "┘"),
  ].join("\n");
}

/**
 * Column widths that fit `maxWidth`: the natural widths when they fit; else one cell at a time
 * comes off the column whose narrowing adds the fewest wrapped lines (the widest on a tie),
 * never below a column's longest word; undefined when nothing fits.
 */
function fitWidths(
  columns: Column[],
  rows: string[][],
  natural: number[],
  maxWidth: number,
): number[] | undefined {
  const frame = 3 * columns.length + 1;
  const widths = [...natural];
  const total = () => widths.reduce((a, b) => a + b, frame);
  if (total() <= maxWidth) return widths;
  const cells = (i: number) => [columns[i]?.head ?? "", ...rows.map((r) => r[i] ?? "")];
  const floor = columns.map((_, i) => Math.max(...cells(i).map(longestWord)));
  if (floor.reduce((a, b) => a + b, frame) > maxWidth) return undefined;
  // Lines each cell takes at the current widths, per row (the head is row 0).
  const height = (i: number, w: number) => cells(i).map((c) => wrapText(c, w).length);
  const heights = columns.map((_, i) => height(i, widths[i] ?? 1));
  const tableLines = () =>
    heights[0]?.reduce((sum, _, r) => sum + Math.max(...heights.map((h) => h[r] ?? 1)), 0) ?? 0;
  while (total() > maxWidth) {
    let best = -1;
    let bestLines = Number.POSITIVE_INFINITY;
    for (let i = 0; i < widths.length; i++) {
      const w = widths[i] ?? 0;
      if (w <= (floor[i] ?? 0)) continue;
      const kept = heights[i] as number[];
      heights[i] = height(i, w - 1);
      const lines = tableLines();
      heights[i] = kept;
      if (lines < bestLines || (lines === bestLines && w > (widths[best] ?? 0))) {
        best = i;
        bestLines = lines;
      }
    }
    if (best < 0) return undefined;
    widths[best] = (widths[best] ?? 1) - 1;
    heights[best] = height(best, widths[best] ?? 1);
  }
  return widths;
}

/** The narrow layout: one block per row, "heading  value", values wrapped to the width. */
function renderBlocks(columns: Column[], rows: string[][], maxWidth: number): string {
  const label = Math.max(...columns.map((c) => textWidth(c.head)));
  const valueWidth = Math.max(8, maxWidth - label - 2);
  const blocks = rows.map((row) =>
    columns
      .flatMap((c, i) => {
        const [first = "", ...more] = wrapText(row[i] ?? "", valueWidth, true);
        const indent = " ".repeat(label + 2);
        return [`${c.head.padEnd(label)}  ${first}`.trimEnd(), ...more.map((m) => indent + m)];
      })
      .join("\n"),
  );
  return blocks.join("\n\n");
}

function longestWord(text: string): number {
  return Math.max(0, ...text.split(" ").map(textWidth));
}

/**
 * Splits text into lines of at most `width` cells at spaces. A word longer than the width
 * stays whole unless `breakWords` is set (then it is cut).
 */
export function wrapText(text: string, width: number, breakWords = false): string[] {
  if (textWidth(text) <= width) return [text];
  const lines: string[] = [];
  let current = "";
  for (let word of text.split(" ")) {
    while (breakWords && textWidth(word) > width) {
      if (current) lines.push(current);
      current = "";
      lines.push([...word].slice(0, width).join(""));
      word = [...word].slice(width).join("");
    }
    if (!current) current = word;
    else if (textWidth(current) + 1 + textWidth(word) <= width) current += ` ${word}`;
    else {
      lines.push(current);
      current = word;
    }
  }
  lines.push(current);
  return lines;
}

/**
 * Wraps prose to a width, line by line: a continuation keeps the line's indentation (plus two
 * cells under a "- " or "1. " bullet), so lists stay lists. Lines of a table or chart should
 * not come through here.
 */
export function wrapProse(text: string, maxWidth: number): string {
  if (!Number.isFinite(maxWidth)) return text;
  return text
    .split("\n")
    .flatMap((line) => {
      if (textWidth(line) <= maxWidth) return [line];
      const [, space = "", bullet = "", body = ""] = /^(\s*)((?:- |\d+\. )?)(.*)$/.exec(line) ?? [];
      const lead = space.length + bullet.length;
      return wrapText(body, Math.max(8, maxWidth - lead), true).map(
        (part, k) => (k === 0 ? space + bullet : " ".repeat(lead)) + part,
      );
    })
    .join("\n");
}
