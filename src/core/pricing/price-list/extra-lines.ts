/**
 * The per-region blocks of pricing/lambda.json beyond requests and duration (SnapStart, response
 * streaming, Lambda@Edge, …): which the AWSLambda Price List files price, under which usage
 * types, and how an offer's prices fold into a block. Blocks whose prices the AWSLambda files do
 * not carry (event pollers, tenant isolation, durable functions — AWS's Lambda pricing page —
 * and CloudWatch Logs, an AmazonCloudWatch offer) are kept as they are.
 */
import { dec } from "../../money/index.js";

/** A block field the Price List prices: its path in the block and its usage type. */
interface BlockField {
  path: readonly [string] | readonly [string, string];
  usageType: string;
  line: string;
}

/** In the schema's key order: a new block is written in this order. */
export const PRICE_LIST_BLOCKS: Record<string, readonly BlockField[]> = {
  snapStart: [
    {
      path: ["cachePerGbSecond"],
      usageType: "Lambda-SnapStart-Cached-GB-S",
      line: "SnapStart cache",
    },
    {
      path: ["restorePerGb"],
      usageType: "Lambda-SnapStart-Restored-GB",
      line: "SnapStart restore",
    },
  ],
  responseStreaming: [
    {
      path: ["perGb", "x86_64"],
      usageType: "Lambda-Streaming-Response-Processed-Bytes",
      line: "response streaming x86_64",
    },
    {
      path: ["perGb", "arm64"],
      usageType: "Lambda-Streaming-Response-Processed-Bytes-ARM",
      line: "response streaming arm64",
    },
  ],
  edge: [
    { path: ["requestPrice"], usageType: "Lambda-Edge-Request", line: "Lambda@Edge requests" },
    {
      path: ["pricePerGbSecond"],
      usageType: "Lambda-Edge-GB-Second",
      line: "Lambda@Edge duration",
    },
  ],
};

/** Every block a region must carry (null when unpriced), in the schema's order. */
export const REGION_BLOCKS = [
  "snapStart",
  "responseStreaming",
  "edge",
  "eventPollers",
  "tenantIsolation",
  "durable",
  "logs",
] as const;

export const BLOCK_USAGE_TYPES = new Set(
  Object.values(PRICE_LIST_BLOCKS).flatMap((fields) => fields.map((f) => f.usageType)),
);

type Block = Record<string, unknown> & { sources?: string[]; asOf?: string };

export interface BlockChange {
  kind: "changed" | "added" | "missing";
  line: string;
  before: string;
  after?: string;
}

function get(block: Block, path: BlockField["path"]): string | null | undefined {
  const [first, second] = path;
  const value = second === undefined ? block[first] : (block[first] as Block | undefined)?.[second];
  return value as string | null | undefined;
}

function set(block: Block, path: BlockField["path"], value: string | null): void {
  const [first, second] = path;
  if (second === undefined) block[first] = value;
  else (block[first] as Block)[second] = value;
}

/**
 * Folds one block's prices from an offer (by usage type) into the table's block; returns the
 * new block (the table's own object when nothing changed) and what differed.
 */
export function mergeBlock(
  name: string,
  table: Block | null,
  offered: Record<string, string>,
  cite: { source: string; asOf: string },
): { block: Block | null; changes: BlockChange[] } {
  const fields = PRICE_LIST_BLOCKS[name] ?? [];
  const changes: BlockChange[] = [];
  if (fields.length === 0) return { block: table, changes };
  if (table === null) {
    const given = fields.filter((f) => offered[f.usageType] !== undefined);
    // A block is written whole; streaming may lack one architecture (null), the others may not.
    const enough = name === "responseStreaming" ? given.length > 0 : given.length === fields.length;
    if (!enough) return { block: null, changes };
    const block: Block = {};
    for (const field of fields) {
      if (field.path.length === 2 && block[field.path[0]] === undefined) block[field.path[0]] = {};
      set(block, field.path, offered[field.usageType] ?? null);
      if (offered[field.usageType] !== undefined) {
        changes.push({
          kind: "added",
          line: field.line,
          before: "none",
          after: offered[field.usageType],
        });
      }
    }
    return { block: { ...block, sources: [cite.source], asOf: cite.asOf }, changes };
  }
  const block = structuredClone(table);
  for (const field of fields) {
    const current = get(block, field.path) ?? null;
    const price = offered[field.usageType];
    if (price === undefined) {
      if (current !== null) changes.push({ kind: "missing", line: field.line, before: current });
      continue;
    }
    if (current !== null && dec(current).eq(price)) continue;
    changes.push({
      kind: current === null ? "added" : "changed",
      line: field.line,
      before: current ?? "none",
      after: price,
    });
    set(block, field.path, price);
  }
  if (!changes.some((c) => c.kind !== "missing")) return { block: table, changes };
  block.asOf = cite.asOf;
  block.sources = [
    cite.source,
    ...(block.sources ?? []).filter((s) => !s.startsWith("AWS Price List https://pricing")),
  ];
  return { block, changes };
}
