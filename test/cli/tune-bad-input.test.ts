/**
 * Every bad input to `tune` exits 2 with one line saying what is wrong and what is allowed, and
 * changes nothing: the emulator sees no mutating request (and, for flag errors, no request).
 * Spawns the built bin (run `npm run build` first when running this file alone).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EmulatorHandle } from "../../src/emulator/types.js";
import { emulatorWith, fn, mutatingRequests } from "../integration/tune-harness.js";
import { expectOneLineExit2, runInProcess } from "./run-in-process.js";
import { runBinAsync } from "./tune-spawn.js";

let emulator: EmulatorHandle;
const dir = mkdtempSync(join(tmpdir(), "lc-tune-cli-"));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

const fifo = (name: string) => {
  const path = join(dir, name);
  execFileSync("mkfifo", [path]);
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

describe("tune: bad flags exit 2 before any AWS call", () => {
  const cases: Array<[string, string[], RegExp]> = [
    [
      "size below 128",
      ["--sizes", "64,128"],
      /--sizes "64" is below 128; use a whole number of MB from 128 to 10240$/,
    ],
    ["size above 10240", ["--sizes", "128,20000"], /"20000" is above 10240; .*128 to 10240/],
    ["size not an integer", ["--sizes", "128.5"], /"128.5" is not a whole number/],
    ["size not a number", ["--sizes", "128,big"], /"big" is not a plain decimal number/],
    ["size in GB", ["--sizes", "1GB"], /"1GB" has a unit; give the number of MB alone, e.g. 1024/],
    ["size in hex", ["--sizes", "0x400"], /"0x400" is not a plain decimal number/],
    ["empty size list", ["--sizes", ","], /--sizes: the size list is empty; give sizes in MB/],
    [
      "range backwards",
      ["--sizes", "3008..128"],
      /--sizes: range "3008..128" runs backwards; write the smaller size first, e.g. 128..3008$/,
    ],
    [
      "range too fine",
      ["--sizes", "128..10240:1"],
      /gives more than 100 sizes; use a coarser step, e.g. 128..10240:103$/,
    ],
    ["range step 0", ["--sizes", "128..3008:0"], /has step 0 MB; use a step from 1 to 2880/],
    [
      "equivalence margin not a share",
      ["--equivalence-margin", "lots"],
      /--equivalence-margin "lots" is not a share from 0 to 50%; give it as 1% or 0.01$/,
    ],
    ["equivalence margin above 50%", ["--equivalence-margin", "80%"], /is not a share from 0/],
    ["equivalence margin in hex", ["--equivalence-margin", "0x0"], /"0x0" is not a share/],
    [
      "zero invocations",
      ["--invocations", "0"],
      /--invocations "0" is below 1; use a whole number from 1 to 100000/,
    ],
    ["negative invocations", ["--invocations", "-5"], /--invocations "-5" is negative/],
    [
      "unknown architecture",
      ["--arch", "x86_64,graviton"],
      /--arch "graviton" is not an architecture; use x86_64, arm64 or x86_64,arm64$/,
    ],
    ["architecture twice", ["--arch", "arm64,arm64"], /names an architecture twice/],
    [
      "code bucket not a bucket name",
      ["--code-bucket", "My_Bucket"],
      /--code-bucket "My_Bucket" is not an S3 bucket name; use 3–63 lower-case letters/,
    ],
    [
      "max invocations below 1",
      ["--max-invocations", "0"],
      /--max-invocations "0" is below 1; use a whole number from 1 to 1000000/,
    ],
    [
      "concurrency 0",
      ["--concurrency", "0"],
      /--concurrency "0" is below 1; use a whole number from 1 to 1000/,
    ],
    ["payload not JSON", ["--payload", "{oops"], /--payload is not valid JSON/],
    [
      "payload file missing",
      ["--payload", "@/nonexistent/event.json"],
      /--payload @\/nonexistent\/event.json: cannot read it \(no such file\)/,
    ],
    [
      "payload a FIFO",
      ["--payload", `@${fifo("event.fifo")}`],
      /--payload @.*event.fifo: is not a regular file/,
    ],
    [
      "payload nested 200,000 deep",
      ["--payload", `@${file("deep.json", `${"[".repeat(200_000)}${"]".repeat(200_000)}`)}`],
      /--payload @.*deep.json: nested more than 64 deep/,
    ],
    [
      "payload too large",
      ["--payload", `@${file("big.json", `"${"x".repeat(7 * 1024 * 1024)}"`)}`],
      /big.json: is 7.0 MB; files up to 6 MB are read/,
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
      // JSON.stringify would call it null.
      "payloads weight of 1e309",
      ["--payloads", `@${file("w-inf.json", '[{"payload":{},"weight":1e309}]')}`],
      /item 0 has weight Infinity; use a whole number from 1 to 1000\.$/,
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
      /--strategy "fastest" is not a known value; use one of: cost, speed, balanced/,
    ],
    [
      "weight above 1",
      ["--balanced-weight", "1.5"],
      /--balanced-weight "1.5" is too large; use a number from 0 to 1/,
    ],
    ["weight below 0", ["--balanced-weight", "-0.1"], /--balanced-weight "-0.1" is negative/],
    ["bad max duration", ["--max-duration", "soon"], /--max-duration "soon" is not a duration/],
    ["max duration overflowing", ["--max-duration", "1e400"], /"1e400" is too large/],
    ["max duration past the timeout", ["--max-duration", "901s"], /"901s" is above 900000 ms/],
    ["max duration in m", ["--max-duration", "16m"], /"16m" is ambiguous .*; write 16min or 16ms/],
    ["bad monthly invocations", ["--monthly-invocations", "lots"], /"lots" is not a count/],
    [
      "astronomical monthly invocations",
      ["--monthly-invocations", "1e999999999"],
      /--monthly-invocations "1e999999999" is too large/,
    ],
    ["hex monthly invocations", ["--monthly-invocations", "0x10"], /"0x10" is not a count/],
    [
      "endpoint without a scheme",
      ["--endpoint-url", "localhost:4010"],
      /--endpoint-url "localhost:4010" has no http:\/\/ or https:\/\/ scheme; use a full URL with its scheme, e.g. http:\/\/localhost:4010/,
    ],
    [
      "--output for --format",
      ["--output", "json"],
      /unknown option --output; did you mean --format\?/,
    ],
    [
      "--format JSON",
      ["--format", "JSON"],
      /--format "JSON" is not a known value; did you mean json\?/,
    ],
    ["alias without apply", ["--alias", "live"], /--alias needs --apply/],
    [
      "alias all digits",
      ["--apply", "--yes", "--alias", "42"],
      /--alias "42" is not a valid alias name/,
    ],
    ["apply without a terminal or --yes", ["--apply"], /add --yes to apply without asking/],
    ["apply and dry run", ["--apply", "--yes", "--dry-run"], /contradict/],
    ["trim too large", ["--trim", "0.6"], /--trim "0.6" is too large; use a number from 0 to 0.49/],
    [
      "unknown format",
      ["--format", "xml"],
      /--format "xml" is not a known value; use one of: table, json, csv/,
    ],
    ["no function", [], /the <function> argument is missing/],
    ["--force without --recover", ["--force"], /--force only goes with --recover/],
    [
      "--max-throttle-wait beyond a day",
      ["--max-throttle-wait", "90000s"],
      /"90000s" is above 86400000 ms; use 0 to 86400000 ms \(at most a day/,
    ],
    // --out is checked before the first AWS call, so a paid run is never lost to it.
    [
      "--out under a file",
      ["--out", join(file("plain-file", "x"), "result.json")],
      /--out .*plain-file\/result\.json: cannot write in .*plain-file \((ENOTDIR|EEXIST)\).*Nothing was changed/,
    ],
    ["--out a directory", ["--out", dir], /--out .* is a directory; give a file path such as/],
    // An unset shell variable must not silently mean the default region or profile (and account).
    ["--region empty", ["--region", ""], /--region "" is empty; give a region such as us-east-1$/],
    [
      "--profile empty",
      ["--profile", " "],
      /--profile " " is empty; give a profile name from ~\/\.aws\/config, or leave the flag out$/,
    ],
  ];
  it.each(cases)("%s", async (_label, args, pattern) => {
    const before = emulator.requests().length;
    // Flag errors run in-process (runCli); "no function" drops the name the others share.
    const argv =
      args.length === 0 ? ["tune"] : ["tune", "app", "--endpoint-url", emulator.endpoint, ...args];
    expectOneLineExit2(await runInProcess(argv, env()), pattern, expect);
    expect(emulator.requests().length).toBe(before);
  });

  it("the spawned bin gives the same line (one case through the real entry)", async () => {
    const result = await tune(["--sizes", "64"]);
    expectOneLineExit2(result, /^lambda-cost: --sizes "64" is below 128/, expect);
  });
});

describe("tune: bad environment exits 2 and changes nothing", () => {
  // In-process like the flag errors; the spawned case above proves the bin wires the same entry.
  it("an unknown function names the region and account asked", async () => {
    const result = await runInProcess(
      ["tune", "nope", "--endpoint-url", emulator.endpoint, "--invocations", "5"],
      env(),
    );
    expectOneLineExit2(
      result,
      /function nope not found in region us-east-1, account 123456789012/,
      expect,
    );
    expect(mutatingRequests(emulator)).toEqual([]);
  });

  it("missing credentials say how to provide them", async () => {
    const result = await runInProcess(
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
    expectOneLineExit2(result, /no AWS credentials found; set AWS_ACCESS_KEY_ID/, expect);
    expect(mutatingRequests(emulator)).toEqual([]);
  });

  it("a state directory that cannot hold the journal stops the run before any change", async () => {
    const notADirectory = file("state-file", "x");
    const result = await runInProcess(
      ["tune", "app", "--endpoint-url", emulator.endpoint, "--invocations", "5"],
      { ...env(), XDG_STATE_HOME: notADirectory },
    );
    expectOneLineExit2(
      result,
      /cannot write the tune journal in .*state-file\/lambda-cost .*nothing was changed/,
      expect,
    );
    expect(mutatingRequests(emulator)).toEqual([]);
  });
});
