/**
 * Every bad input of issue 2: exit 2, nothing on stdout, one line on stderr that names the
 * flag (or file field), what was given and what is allowed, and no stack trace.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runBin } from "./run-cli.js";
import { expectOneLineExit2 as expectLine, runInProcess } from "./run-in-process.js";

const OK = ["--memory", "1024", "--duration", "100ms", "--requests", "1M"];
const dir = mkdtempSync(join(tmpdir(), "lambda-cost-estimate-"));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** In-process through runCli (the spawned bin is checked once, below). */
async function expectOneLineExit2(args: string[], message: RegExp, env: NodeJS.ProcessEnv = {}) {
  const result = await runInProcess(["estimate", ...args], {
    AWS_REGION: "",
    AWS_DEFAULT_REGION: "",
    ...env,
  });
  expectLine(result, message, expect);
}

describe("estimate: bad flags exit 2 with one line", () => {
  it.each([
    [
      ["--memory", "127"],
      /^lambda-cost: --memory "127" is below 128; use a whole number of MB from 128 to 10240$/,
    ],
    [["--memory", "10241"], /--memory "10241" is above 10240; use a whole number of MB/],
    [["--memory", "1536.5"], /--memory "1536\.5" is not a whole number; use a whole number of MB/],
    [
      ["--ephemeral-storage", "511"],
      /--ephemeral-storage "511" is below 512; use a whole number of MB from 512 to 10240/,
    ],
    [["--ephemeral-storage", "10241"], /--ephemeral-storage "10241" is above 10240/],
    [["--arch", "sparc"], /--arch "sparc" is not a known value; use one of: x86_64, arm64$/],
    [
      ["--requests", "lots"],
      /--requests "lots" is not a count; use a whole number such as 3000000, 3M/,
    ],
    [["--requests", "-5"], /--requests "-5" is negative/],
    [["--duration", "fast"], /--duration "fast" is not a duration; use milliseconds/],
    [["--duration", "-1s"], /--duration "-1s" is negative/],
    [
      ["--init-duration", "soon", "--cold-start-rate", "0.1"],
      /--init-duration "soon" is not a duration/,
    ],
    [
      ["--cold-start-rate", "1.5", "--init-duration", "1s"],
      /--cold-start-rate "1\.5" is too large; use a number from 0 to 1$/,
    ],
    [
      ["--provisioned-concurrency", "0"],
      /--provisioned-concurrency "0" is below 1; use a whole number from 1 to 1000000/,
    ],
    [
      ["--provisioned-concurrency", "1", "--provisioned-hours", "800"],
      /--provisioned-hours "800" is too large; use a number from 0 to 744 h/,
    ],
    [
      ["--provisioned-concurrency", "1", "--provisioned-requests", "x"],
      /--provisioned-requests "x" is not a count/,
    ],
    [
      ["--provisioned-concurrency", "1", "--provisioned-duration", "-3"],
      /--provisioned-duration "-3" is negative/,
    ],
    [["--format", "xml"], /--format "xml" is not a known value; use one of: table, json, csv/],
    // An unset shell variable (`--region "$REGION"`) used to price us-east-1 without a word.
    [["--region", ""], /--region "" is empty; give a region such as us-east-1$/],
  ])("%j", async (extra, message) => {
    await expectOneLineExit2([...OK, ...extra], message);
  });

  it.each([
    [["--provisioned-hours", "10"], /--provisioned-hours needs --provisioned-concurrency N/],
    [["--provisioned-requests", "1M"], /--provisioned-requests needs --provisioned-concurrency N/],
    [
      ["--provisioned-duration", "50ms"],
      /--provisioned-duration needs --provisioned-concurrency N/,
    ],
    [["--cold-start-rate", "0.1"], /--cold-start-rate needs --init-duration too/],
    [["--init-duration", "300ms"], /--init-duration needs --cold-start-rate too/],
  ])("flags that need another: %j", async (extra, message) => {
    await expectOneLineExit2([...OK, ...extra], message);
  });

  it.each([
    [
      ["--duration", "1", "--requests", "1"],
      /missing --memory; give it, e\.g\. --memory 1536, or --scenario FILE$/,
    ],
    [["--memory", "128", "--requests", "1"], /missing --duration; give it/],
    [["--memory", "128", "--duration", "1"], /missing --requests; give it/],
  ])("missing: %j", async (args, message) => {
    await expectOneLineExit2(args, message);
  });

  it("names an unknown --region without listing all 30", async () => {
    await expectOneLineExit2(
      [...OK, "--region", "mars-1"],
      /--region "mars-1" is not a region in the price table; use one of the 30 priced region codes, such as us-east-1 or eu-west-1$/,
    );
  });
  it("names an unknown AWS_REGION", async () => {
    await expectOneLineExit2(
      OK,
      /AWS_REGION "xx-north-9" is not a region in the price table; use one of/,
      { AWS_REGION: "xx-north-9" },
    );
  });
  it("says when the region has no price for what was asked", async () => {
    await expectOneLineExit2(
      [...OK, "--region", "il-central-1", "--provisioned-concurrency", "1"],
      /no provisioned-concurrency price for x86_64 in il-central-1/,
    );
    await expectOneLineExit2(
      [...OK, "--region", "ca-west-1", "--arch", "arm64", "--provisioned-concurrency", "1"],
      /no provisioned-concurrency price for arm64 in ca-west-1/,
    );
  });
});

describe("estimate: bad scenario files exit 2 with one line", () => {
  const fn = { memoryMb: 128, requests: 1, duration: 1 };
  it.each([
    ["missing", join(dir, "nope.json"), /--scenario .*nope\.json: cannot read it \(no such file\)/],
    ["a directory", dir, /cannot read it \(is a directory\)/],
    ["not JSON", file("broken.json", "{ functions: "), /broken\.json: not valid JSON \(/],
    [
      "not YAML",
      file("broken.yaml", "functions:\n  - memoryMb: [1\n"),
      /broken\.yaml: not valid YAML \(/,
    ],
    [
      "no functions",
      file("empty.json", '{"functions": []}'),
      /functions must have at least 1 item \(got \[\]\)$/,
    ],
    [
      "a bad memory",
      file("memory.json", JSON.stringify({ functions: [{ ...fn, memoryMb: 64 }] })),
      /functions\[0\]\.memoryMb must be a whole number from 128 to 10240 \(got 64\)/,
    ],
    [
      "a bad storage",
      file(
        "storage.yaml",
        "functions:\n  - {memoryMb: 128, requests: 1, duration: 1, ephemeralStorageMb: 100}\n",
      ),
      /functions\[0\]\.ephemeralStorageMb must be a whole number from 512 to 10240 \(got 100\)/,
    ],
    [
      "an unknown field",
      file("typo.json", JSON.stringify({ functions: [{ requests: 1, duration: 1, memory: 128 }] })),
      /functions\[0\] has an unknown field "memory"; did you mean "memoryMb"\?$/,
    ],
    [
      "a count that does not parse",
      file("count.json", JSON.stringify({ functions: [{ ...fn, requests: "lots" }] })),
      /functions\[0\]\.requests "lots" is not a count/,
    ],
    [
      "a negative duration",
      file("neg.json", JSON.stringify({ functions: [{ ...fn, duration: -5 }] })),
      /functions\[0\]\.duration "-5" is negative; use milliseconds/,
    ],
    [
      "an unknown architecture",
      file("arch.json", JSON.stringify({ functions: [{ ...fn, architecture: "sparc" }] })),
      /functions\[0\]\.architecture must be one of "x86_64", "arm64" \(got "sparc"\)/,
    ],
    [
      "an unknown region",
      file("region.json", JSON.stringify({ functions: [fn, { ...fn, region: "xx-1" }] })),
      /functions\[1\]\.region "xx-1" is not a region in the price table; use one of/,
    ],
    [
      "PC without concurrency",
      file("pc.json", JSON.stringify({ functions: [{ ...fn, provisioned: { hours: 5 } }] })),
      /functions\[0\]\.provisioned\.concurrency must be a whole number from 1 to 1000000 \(missing\)$/,
    ],
    [
      "a cold-start rate without init",
      file("cold.json", JSON.stringify({ functions: [{ ...fn, coldStartRate: 0.1 }] })),
      /functions\[0\]\.initDuration must be given with coldStartRate/,
    ],
  ])("%s", async (_label, path, message) => {
    await expectOneLineExit2(["--scenario", path], message);
  });

  it("refuses function flags next to --scenario", async () => {
    const path = file("ok.json", JSON.stringify({ functions: [fn] }));
    await expectOneLineExit2(
      ["--scenario", path, "--memory", "512"],
      /--memory cannot be combined with --scenario/,
    );
  });
});

describe("estimate: hostile input (issue 18) and common mistakes (issue 9)", () => {
  const fn = { memoryMb: 128, requests: 1, duration: 1 };
  const scenario = (name: string, value: unknown) => file(name, JSON.stringify(value));
  it.each([
    [["--requests", "1e999999999"], /--requests "1e999999999" is too large/],
    [
      ["--requests", "1e300"],
      /--requests "1e300" is more than AWS could bill in a month; use at most 3000000000000000/,
    ],
    [["--requests", "0x10"], /--requests "0x10" is not a count/],
    [["--requests", "Infinity"], /--requests "Infinity" is not a count/],
    [
      ["--provisioned-concurrency", "1", "--provisioned-requests", "1e999999999"],
      /--provisioned-requests "1e999999999" is too large/,
    ],
    [
      ["--provisioned-concurrency", "1", "--provisioned-hours", "0x10"],
      /--provisioned-hours "0x10" is not a plain decimal number; use a number from 0 to 744 h/,
    ],
    [
      ["--cold-start-rate", "0x1", "--init-duration", "1s"],
      /--cold-start-rate "0x1" is not a plain decimal number/,
    ],
    [
      ["--cold-start-rate", "NaN", "--init-duration", "1s"],
      /--cold-start-rate "NaN" is not a plain decimal number/,
    ],
    [
      ["--duration", "0"],
      /--duration "0" is below 1 ms; use 1 to 900000 ms \(Lambda bills at least 1 ms/,
    ],
    [["--duration", "901s"], /--duration "901s" is above 900000 ms; use 1 to 900000 ms/],
    [
      ["--duration", "16m"],
      /--duration "16m" is ambiguous \(minutes or milliseconds\?\); write 16min or 16ms/,
    ],
    [["--duration", "1e400"], /--duration "1e400" is too large/],
    [
      ["--init-duration", "11s", "--cold-start-rate", "0.1"],
      /--init-duration "11s" is above 10000 ms; use 0 to 10000 ms \(Lambda limits an on-demand INIT phase to 10 s\)/,
    ],
    [["--memory", "1GB"], /--memory "1GB" has a unit; give the number of MB alone, e.g. 1024/],
    [["--memory", "1.5g"], /e.g. 1536/],
    [["--arch", "arm"], /--arch "arm" is not a known value; did you mean arm64\?/],
    [["--arch", "aarch64"], /did you mean arm64\?/],
    [["--format", "JSON"], /--format "JSON" is not a known value; did you mean json\?/],
    [["--output", "json"], /unknown option --output; did you mean --format\?/],
    [["-o", "json"], /unknown option -o; did you mean --format\?/],
    [
      ["--region", "EU-WEST-1"],
      /--region "EU-WEST-1" is not a region in the price table; did you mean eu-west-1\?$/,
    ],
    [["--region", "eu-west1"], /did you mean eu-west-1\?$/],
  ])("%j", async (extra, message) => {
    await expectOneLineExit2([...OK, ...extra], message);
  });

  it("cuts a 100,000-digit value to 60 characters in the line", async () => {
    const result = await runInProcess(["estimate", ...OK, "--memory", "9".repeat(100_000)]);
    expectLine(
      result,
      /^lambda-cost: --memory "9{57}\.\.\." is too large; use a whole number of MB from 128 to 10240$/,
      expect,
    );
    expect(result.stderr.length).toBeLessThan(200);
  });

  it("lists every missing required flag at once", async () => {
    await expectOneLineExit2(
      [],
      /missing --memory, --duration, --requests; give them, e.g. --memory 1536 --duration 120ms --requests 3M, or --scenario FILE$/,
    );
  });

  it("marks the required flags in --help", async () => {
    const { code, stdout } = await runInProcess(["estimate", "--help"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /--memory <MB>\s+memory size, 128–10240 MB \(required\s+unless\s+--scenario\)/,
    );
    expect(stdout).toMatch(/--requests <count>[\s\S]*\(required unless/);
  });

  it.each([
    [
      "a fraction of a request",
      scenario("half.json", { functions: [{ ...fn, requests: 0.5 }] }),
      /functions\[0\]\.requests "0.5" is not a whole count/,
    ],
    [
      "1e300 requests",
      scenario("huge.json", { functions: [{ ...fn, requests: 1e300 }] }),
      /functions\[0\]\.requests "1e\+300" is more than AWS could bill/,
    ],
    [
      "hex requests as text",
      scenario("hex.json", { functions: [{ ...fn, requests: "0x10" }] }),
      /functions\[0\]\.requests "0x10" is not a count/,
    ],
    [
      "a zero duration",
      scenario("zero.json", { functions: [{ ...fn, duration: 0 }] }),
      /functions\[0\]\.duration "0" is below 1 ms/,
    ],
    [
      "an INIT above 10 s",
      scenario("init.json", { functions: [{ ...fn, coldStartRate: 0.1, initDuration: "11s" }] }),
      /functions\[0\]\.initDuration "11s" is above 10000 ms/,
    ],
    [
      "PC requests of 1e300",
      scenario("pc-huge.json", {
        functions: [{ ...fn, provisioned: { concurrency: 1, requests: 1e300 } }],
      }),
      /provisioned\.requests "1e\+300" is more than AWS could bill/,
    ],
    [
      "200,000 deep (JSON)",
      file("deep.json", `{"functions":${"[".repeat(200_000)}${"]".repeat(200_000)}}`),
      /deep\.json: nested more than 64 deep/,
    ],
    [
      "200,000 deep (YAML flow)",
      file("deep.yaml", `functions: ${"[".repeat(200_000)}${"]".repeat(200_000)}\n`),
      /deep\.yaml: nested more than 64 deep/,
    ],
    [
      "200,000 deep (YAML block)",
      file("deep-block.yaml", `functions: ${"- ".repeat(200_000)}1\n`),
      /deep-block\.yaml: nested more than 64 deep/,
    ],
    [
      "a deep value in a known field",
      file("deep-name.json", `{"functions":[{"name":${"[".repeat(100)}${"]".repeat(100)}}]}`),
      /deep-name\.json: nested more than 64 deep/,
    ],
    [
      "too large",
      file("big.json", `{"functions":[],"pad":"${"x".repeat(3 * 1024 * 1024)}"}`),
      /big\.json: is 3\.0 MB; files up to 1 MB are read/,
    ],
    [
      "a FIFO",
      fifo("plan.fifo"),
      /plan\.fifo: is not a regular file \(a pipe, socket or device\); give a regular file/,
    ],
    [
      "a symlink to a FIFO",
      symlink(fifo("target.fifo"), "link.json"),
      /link\.json: is not a regular file/,
    ],
  ])("scenario: %s", async (_label, path, message) => {
    await expectOneLineExit2(["--scenario", path], message);
  });

  it.each([
    [
      "a 100 kB key",
      scenario("long-key.json", { functions: [fn], ["k".repeat(100_000)]: 1 }),
      // The key cut like a value (36 characters after its quote), not printed whole.
      /long-key\.json: \(top level\) has an unknown field "k{36}\.\.\.; the fields here are freeTier, functions, eventPollers, streamingFreeGiB$/,
    ],
    [
      "a thousand unknown keys",
      scenario("many-keys.json", {
        functions: [fn],
        ...Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`x${i}`, 1])),
      }),
      /many-keys\.json: \(top level\) has unknown fields "x0", "x1", "x2" and 997 more; the fields/,
    ],
    [
      "an ANSI escape and a newline in a key",
      scenario("ansi-key.json", { functions: [{ ...fn, "\u001b[31mred\nx": 1 }] }),
      /functions\[0\] has an unknown field "\\u001b\[31mred\\nx"; remove it/,
    ],
    [
      "an ANSI escape and a newline in a value a parser quotes",
      scenario("ansi-value.json", { functions: [{ ...fn, duration: "\u001b[2J1ms\nx" }] }),
      /functions\[0\]\.duration "\\u001b\[2J1ms\\u000ax" is not a duration/,
    ],
    [
      "a right-to-left override in a region",
      scenario("bidi.json", { functions: [{ ...fn, region: "eu-west-1\u202e" }] }),
      /functions\[0\]\.region "eu-west-1\\u202e" is not a region in the price table/,
    ],
    [
      "an escape inside text that is not JSON",
      file("escape.json", '{"functions":\u001b[2J}'),
      /escape\.json: not valid JSON \(Unexpected token '\\u001b'/,
    ],
    [
      // Printed raw in the table, it cleared the screen and split the row in two.
      "a name with an ANSI escape and a newline",
      scenario("name-escape.json", { functions: [{ ...fn, name: "\u001b[2Jx\ny" }] }),
      /functions\[0\]\.name must not hold control or formatting characters \(got "\\u001b\[2Jx\\ny"\)$/,
    ],
    [
      "a name with a right-to-left override",
      scenario("name-bidi.json", { functions: [{ ...fn, name: "api\u202e" }] }),
      /functions\[0\]\.name must not hold control or formatting characters \(got "api\\u202e"\)$/,
    ],
    [
      "a name of 129 characters",
      scenario("name-long.json", { functions: [{ ...fn, name: "n".repeat(129) }] }),
      /functions\[0\]\.name must be at most 128 characters long \(got "n{36}\.\.\.\)$/,
    ],
    [
      "an unknown YAML tag",
      file("tag.yaml", "functions: !!js/function 'function(){}'\n"),
      /tag\.yaml: not valid YAML \(Unresolved tag: tag:yaml\.org,2002:js\/function at line 1, column 12\)$/,
    ],
    [
      "a billion laughs (YAML aliases)",
      file(
        "laughs.yaml",
        [
          'a0: &a0 ["x", "x", "x", "x", "x", "x", "x", "x", "x"]',
          ...Array.from({ length: 9 }, (_, i) => `a${i + 1}: &a${i + 1} [${`*a${i}, `.repeat(9)}]`),
          "functions: *a9",
        ].join("\n"),
      ),
      /laughs\.yaml: not valid YAML \(Excessive alias count indicates a resource exhaustion attack\)$/,
    ],
    [
      "1e309 (Infinity once parsed)",
      file("infinite.json", '{"functions":[{"memoryMb":1e309,"requests":1,"duration":1}]}'),
      /functions\[0\]\.memoryMb must be a whole number from 128 to 10240 \(got Infinity\)$/,
    ],
  ])("scenario: %s", async (_label, path, message) => {
    await expectOneLineExit2(["--scenario", path], message);
  });

  it("reads a file that starts with a byte order mark", async () => {
    const path = file("bom.json", `\ufeff${JSON.stringify({ functions: [fn] })}`);
    const { code, stderr } = await runInProcess(["estimate", "--scenario", path]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
  });

  it("follows a symlink to a regular file", async () => {
    const target = scenario("real.json", { functions: [fn] });
    const { code } = await runInProcess([
      "estimate",
      "--scenario",
      symlink(target, "real-link.json"),
    ]);
    expect(code).toBe(0);
  });

  it("the spawned bin gives the same line (one case through the real entry)", () => {
    const { code, stdout, stderr } = runBin(["estimate", ...OK, "--requests", "1e999999999"]);
    expect(stderr).toBe(
      'lambda-cost: --requests "1e999999999" is too large; use a whole number such as 3000000, 3M, 500k or 1.5B\n',
    );
    expect(stdout).toBe("");
    expect(code).toBe(2);
  });
});

function fifo(name: string): string {
  const path = join(dir, name);
  execFileSync("mkfifo", [path]);
  return path;
}

function symlink(target: string, name: string): string {
  const path = join(dir, name);
  symlinkSync(target, path);
  return path;
}
