/**
 * Every bad input to `tune` exits 2 with one line saying what is wrong and what is allowed, and
 * changes nothing: the emulator sees no mutating request (and, for flag errors, no request).
 * Spawns the built bin (run `npm run build` first when running this file alone).
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EmulatorHandle } from "../../src/emulator/types.js";
import { emulatorWith, fn, mutatingRequests } from "../integration/tune-harness.js";
import { runBinAsync } from "./tune-spawn.js";

let emulator: EmulatorHandle;
const dir = mkdtempSync(join(tmpdir(), "lc-tune-cli-"));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

beforeAll(async () => {
  emulator = await emulatorWith([fn("app", { cpuMs: 100 })]);
});
afterAll(async () => emulator.close());

const env = () => ({
  AWS_ACCESS_KEY_ID: "test",
  AWS_SECRET_ACCESS_KEY: "test",
  AWS_REGION: "us-east-1",
  XDG_STATE_HOME: dir,
});

function tune(args: string[], extraEnv: NodeJS.ProcessEnv = {}) {
  return runBinAsync(["tune", "app", "--endpoint-url", emulator.endpoint, ...args], {
    ...env(),
    ...extraEnv,
  });
}

function expectOneLineExit2(
  result: { code: number | null; stdout: string; stderr: string },
  pattern: RegExp,
) {
  expect(result.code).toBe(2);
  const lines = result.stderr.split("\n").filter((line) => line.trim() !== "");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
  expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
  expect(result.stdout).toBe("");
}

describe("tune: bad flags exit 2 before any AWS call", () => {
  const cases: Array<[string, string[], RegExp]> = [
    [
      "size below 128",
      ["--sizes", "64,128"],
      /size "64" is not a whole number of MB from 128 to 10240/,
    ],
    ["size above 10240", ["--sizes", "128,20000"], /"20000".*128 to 10240/],
    ["size not an integer", ["--sizes", "128.5"], /"128.5" is not a whole number/],
    ["size not a number", ["--sizes", "128,big"], /"big" is not a whole number/],
    ["empty size list", ["--sizes", ","], /size list is empty/],
    ["range backwards", ["--sizes", "3008..128"], /range "3008..128" is not FROM..TO/],
    [
      "range too fine",
      ["--sizes", "128..10240:1"],
      /gives more than 100 sizes; use a coarser step, e.g. 128..10240:103/,
    ],
    ["range step 0", ["--sizes", "128..3008:0"], /has step 0 MB; use a step from 1 to 2880/],
    [
      "equivalence margin not a share",
      ["--equivalence-margin", "lots"],
      /equivalence margin "lots" is not a share from 0 to 50%; give it as 1% or 0.01/,
    ],
    ["equivalence margin above 50%", ["--equivalence-margin", "80%"], /is not a share from 0/],
    [
      "zero invocations",
      ["--invocations", "0"],
      /invocations per size must be a whole number from 1/,
    ],
    [
      "negative invocations",
      ["--invocations", "-5"],
      /invocations per size must be a whole number/,
    ],
    [
      "max invocations below 1",
      ["--max-invocations", "0"],
      /max invocations must be a whole number from 1/,
    ],
    ["concurrency 0", ["--concurrency", "0"], /concurrency must be a whole number from 1 to 1000/],
    ["payload not JSON", ["--payload", "{oops"], /--payload is not valid JSON/],
    [
      "payload file missing",
      ["--payload", "@/nonexistent/event.json"],
      /cannot read \/nonexistent\/event.json \(no such file\)/,
    ],
    [
      "payload file not JSON",
      ["--payload", `@${file("bad.json", "not json")}`],
      /is not valid JSON/,
    ],
    ["payloads without @", ["--payloads", "[]"], /--payloads takes a file/],
    [
      "payloads not an array",
      ["--payloads", `@${file("obj.json", '{"a":1}')}`],
      /non-empty JSON array/,
    ],
    [
      "payloads bad weight",
      ["--payloads", `@${file("w.json", '[{"payload":{},"weight":0}]')}`],
      /weight 0; use a whole number from 1/,
    ],
    [
      "payloads item without payload",
      ["--payloads", `@${file("np.json", '[{"weight":2}]')}`],
      /item 0 has no "payload"/,
    ],
    [
      "payload and payloads",
      ["--payload", "{}", "--payloads", `@${file("ok.json", '[{"payload":{}}]')}`],
      /either --payload or --payloads/,
    ],
    [
      "unknown strategy",
      ["--strategy", "fastest"],
      /unknown strategy "fastest"; use one of: cost, speed, balanced/,
    ],
    [
      "weight above 1",
      ["--balanced-weight", "1.5"],
      /balanced weight must be a number from 0 to 1/,
    ],
    [
      "weight below 0",
      ["--balanced-weight", "-0.1"],
      /balanced weight must be a number from 0 to 1/,
    ],
    ["bad max duration", ["--max-duration", "soon"], /"soon" is not a duration/],
    ["bad monthly invocations", ["--monthly-invocations", "lots"], /"lots" is not a count/],
    ["alias without apply", ["--alias", "live"], /--alias needs --apply/],
    [
      "alias all digits",
      ["--apply", "--yes", "--alias", "42"],
      /alias "42" is not a valid alias name/,
    ],
    ["apply without a terminal or --yes", ["--apply"], /add --yes to apply without asking/],
    ["apply and dry run", ["--apply", "--yes", "--dry-run"], /contradict/],
    ["trim too large", ["--trim", "0.6"], /trim must be a number from 0 to below 0.5/],
    ["unknown format", ["--format", "xml"], /format/],
  ];
  it.each(cases)("%s", async (_label, args, pattern) => {
    const before = emulator.requests().length;
    expectOneLineExit2(await tune(args), pattern);
    expect(emulator.requests().length).toBe(before);
  });
});

describe("tune: bad environment exits 2 and changes nothing", () => {
  it("an unknown function names the region and account asked", async () => {
    const result = await runBinAsync(
      ["tune", "nope", "--endpoint-url", emulator.endpoint, "--invocations", "5"],
      env(),
    );
    expectOneLineExit2(result, /function nope not found in region us-east-1, account 123456789012/);
    expect(mutatingRequests(emulator)).toEqual([]);
  });

  it("missing credentials say how to provide them", async () => {
    const result = await runBinAsync(
      ["tune", "app", "--endpoint-url", emulator.endpoint, "--invocations", "5"],
      {
        AWS_ACCESS_KEY_ID: "",
        AWS_SECRET_ACCESS_KEY: "",
        AWS_PROFILE: "",
        AWS_SHARED_CREDENTIALS_FILE: join(dir, "none"),
        AWS_CONFIG_FILE: join(dir, "none"),
        AWS_EC2_METADATA_DISABLED: "true",
        AWS_REGION: "us-east-1",
        XDG_STATE_HOME: dir,
      },
    );
    expectOneLineExit2(result, /no AWS credentials found; set AWS_ACCESS_KEY_ID/);
    expect(mutatingRequests(emulator)).toEqual([]);
  });

  it("a state directory that cannot hold the journal stops the run before any change", async () => {
    const notADirectory = file("state-file", "x");
    const result = await runBinAsync(
      ["tune", "app", "--endpoint-url", emulator.endpoint, "--invocations", "5"],
      { ...env(), XDG_STATE_HOME: notADirectory },
    );
    expectOneLineExit2(
      result,
      /cannot write the tune journal in .*state-file\/lambda-cost .*nothing was changed/,
    );
    expect(mutatingRequests(emulator)).toEqual([]);
  });
});
