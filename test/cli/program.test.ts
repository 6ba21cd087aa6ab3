import { execFileSync, spawn, spawnSync } from "node:child_process";
import { closeSync, existsSync, mkdtempSync, openSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { BIN, runBin } from "./run-cli.js";
import { expectOneLineExit2, runInProcess } from "./run-in-process.js";

describe("lambda-cost (no command)", () => {
  it("prints help with --help and exits 0", () => {
    const { code, stdout } = runBin(["--help"]);
    expect(code).toBe(0);
    expect(stdout).toContain("Usage: lambda-cost");
  });

  it("rejects an unknown option with one line and exit 2", () => {
    const { code, stderr } = runBin(["--bogus"]);
    expect(code).toBe(2);
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).toBe("lambda-cost: unknown option --bogus; see --help for the options\n");
  });

  it("ends quietly when the reader of stdout goes away (EPIPE, as with `| head`)", async () => {
    const child = spawn(process.execPath, [BIN, "estimate", "--help"], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout.destroy(); // the reader is gone before the first write
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const code = await new Promise((resolve) => child.on("close", resolve));
    expect(stderr).toBe("");
    expect(code).toBe(0);
  });
});

describe.skipIf(!existsSync("/dev/full"))("lambda-cost with stdout on a full disk", () => {
  it("says so in one line and exits 2, not with a stack trace", () => {
    const full = openSync("/dev/full", "w"); // every write fails with ENOSPC
    try {
      const result = spawnSync(
        process.execPath,
        [BIN, "estimate", "--memory", "1536", "--duration", "120ms", "--requests", "3M"],
        { stdio: ["ignore", full, "pipe"], encoding: "utf8" },
      );
      expect(result.stderr).toBe(
        "lambda-cost: cannot write to standard output (ENOSPC); the output is incomplete; free some space or send it elsewhere.\n",
      );
      expect(result.status).toBe(2);
    } finally {
      closeSync(full);
    }
  });
});

describe("lambda-cost: one line for every command's mistakes", () => {
  it.each([
    [["estimat"], /^lambda-cost: unknown command "estimat"; did you mean estimate\?$/],
    [
      ["report", "--endpoint-url", "localhost:4010"],
      /^lambda-cost: --endpoint-url "localhost:4010" has no http:\/\/ or https:\/\/ scheme/,
    ],
    [
      ["report", "--regions", "EU-WEST-1"],
      /^lambda-cost: --regions "EU-WEST-1" is not a region list/,
    ],
    [
      ["report", "--regions", "eu-west-9"],
      /^lambda-cost: --regions "eu-west-9" is not a region in the price table; did you mean eu-west-1\?, or all$/,
    ],
    [
      ["report", "--concurrency", "0x4"],
      /^lambda-cost: --concurrency "0x4" is not a plain decimal number/,
    ],
    [["emulator", "--port", "1e9"], /^lambda-cost: --port "1e9" is above 65535/],
  ])("%j", async (args, message) => {
    expectOneLineExit2(await runInProcess(args, { AWS_REGION: "us-east-1" }), message, expect);
  });

  it("emulator --config: a FIFO, a deep document and a missing file are one line each", async () => {
    const dir = mkdtempSync(join(tmpdir(), "lc-emu-config-"));
    const fifo = join(dir, "config.fifo");
    execFileSync("mkfifo", [fifo]);
    const deep = join(dir, "deep.json");
    writeFileSync(deep, `{"functions":${"[".repeat(200_000)}${"]".repeat(200_000)}}`);
    for (const [path, message] of [
      [fifo, /--config .*config\.fifo: is not a regular file/],
      [deep, /--config .*deep\.json: nested more than 64 deep/],
      [join(dir, "none.json"), /--config .*none\.json: cannot read it \(no such file\)/],
    ] as const) {
      expectOneLineExit2(
        await runInProcess(["emulator", "--config", path, "--port", "0"]),
        message,
        expect,
      );
    }
  });
});

describe("lambda-cost: a run that never settles", () => {
  it("ends with 3 and one line, not 0 (nor Node's undocumented 13)", () => {
    // Every AWS call stays pending with nothing on the event loop (never-settles.cjs).
    const preload = fileURLToPath(new URL("./never-settles.cjs", import.meta.url));
    const { code, stdout, stderr } = runBin(["advise", "--endpoint-url", "http://127.0.0.1:9"], {
      env: {
        NODE_OPTIONS: `--require ${preload}`,
        AWS_ACCESS_KEY_ID: "x",
        AWS_SECRET_ACCESS_KEY: "y",
        AWS_REGION: "us-east-1",
      },
    });
    expect(stderr).toBe(
      "lambda-cost: unexpected error — the command stopped with nothing left to wait for; please report it with the command you ran.\n",
    );
    expect(stdout).toBe("");
    expect(code).toBe(3);
  });
});
