/** `--payload` / `--payloads` parsing: what reaches Invoke, byte for byte. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadPayloads } from "../../src/cli/commands/tune-payloads.js";

const dir = mkdtempSync(join(tmpdir(), "lc-payloads-"));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return `@${path}`;
};

describe("loadPayloads", () => {
  it.each([
    ["no flag: {}", undefined, undefined, [{ payload: "{}", weight: 1 }]],
    ["inline JSON, re-serialised", ' { "k" : 1 } ', undefined, [{ payload: '{"k":1}', weight: 1 }]],
    [
      "@file",
      file("event.json", '{"path": "/orders/1"}\n'),
      undefined,
      [{ payload: '{"path":"/orders/1"}', weight: 1 }],
    ],
    [
      "weighted file; weight defaults to 1",
      undefined,
      file("weighted.json", '[{"payload": {"size": "s"}, "weight": 3}, {"payload": "raw string"}]'),
      [
        { payload: '{"size":"s"}', weight: 3 },
        { payload: '"raw string"', weight: 1 },
      ],
    ],
  ])("%s", (_label, payload, payloads, expected) => {
    expect(loadPayloads(payload, payloads)).toEqual(expected);
  });
});
