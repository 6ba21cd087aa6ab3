/**
 * AWS configuration as the AWS CLI reads it: tune and report against an in-process emulator,
 * reached only through a temporary AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE (profile
 * region, endpoint_url, services sections, AWS_ENDPOINT_URL_*, credential_process) — never
 * through --endpoint-url. The first case spawns the built bin; the rest run in-process through
 * the CLI's entry function (runCli) with the same environment (the SDK reads process.env, which
 * runInProcess sets for the run).
 */
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EmulatorHandle } from "../../src/emulator/types.js";
import { emulatorWith, fn } from "../integration/tune-harness.js";
import { runInProcess } from "./run-in-process.js";
import { runBinAsync } from "./tune-spawn.js";

let emulator: EmulatorHandle;
const dir = mkdtempSync(join(tmpdir(), "lc-aws-profile-"));
const CONFIG = join(dir, "config");
const CREDENTIALS = join(dir, "credentials");
const MARKER = join(dir, "credential-process-ran");
/** Nothing from the machine's own AWS setup may leak in: every variable the SDK reads is set. */
const baseEnv = {
  HOME: dir,
  XDG_STATE_HOME: dir,
  AWS_CONFIG_FILE: CONFIG,
  AWS_SHARED_CREDENTIALS_FILE: CREDENTIALS,
  AWS_PROFILE: "",
  AWS_REGION: "",
  AWS_DEFAULT_REGION: "",
  AWS_ACCESS_KEY_ID: "",
  AWS_SECRET_ACCESS_KEY: "",
  AWS_SESSION_TOKEN: "",
  AWS_ENDPOINT_URL: "",
  AWS_ENDPOINT_URL_LAMBDA: "",
  AWS_ENDPOINT_URL_CLOUDWATCH: "",
};
const history = [{ month: "2026-10", invocationsPerDay: 1000, avgDurationMs: 100 }];
/** A port nothing listens on: a call sent there fails, so success proves the route taken. */
const DEAD = "http://127.0.0.1:9";

const spawned = (args: string[], env: NodeJS.ProcessEnv = {}) =>
  runBinAsync(args, { ...baseEnv, ...env });
const run = (args: string[], env: NodeJS.ProcessEnv = {}) =>
  runInProcess(args, { ...baseEnv, ...env });
const tuneArgs = ["tune", "probe", "--sizes", "512", "--invocations", "2"];
const reportArgs = (out: string) => ["report", "--month", "2026-10", "--out-dir", join(dir, out)];
const regionsCalled = (before: number) =>
  [
    ...new Set(
      emulator
        .requests()
        .slice(before)
        .map((r) => r.region),
    ),
  ].sort();

beforeAll(async () => {
  emulator = await emulatorWith([
    fn("probe", { fixedMs: 20, cpuMs: 50 }, { history }),
    fn("probe", { fixedMs: 20, cpuMs: 50 }, { region: "eu-west-1", history }),
  ]);
  const script = join(dir, "credential-process.mjs");
  writeFileSync(
    script,
    `import { writeFileSync } from "node:fs";
writeFileSync(${JSON.stringify(MARKER)}, "ran");
console.log(JSON.stringify({ Version: 1, AccessKeyId: "from-process", SecretAccessKey: "s" }));
`,
  );
  writeFileSync(
    CONFIG,
    `[profile emu]
region = eu-west-1
endpoint_url = ${emulator.endpoint}

[profile per-service]
region = eu-west-1
endpoint_url = ${DEAD}
services = local-emulator

[services local-emulator]
lambda =
  endpoint_url = ${emulator.endpoint}
cloudwatch =
  endpoint_url = ${emulator.endpoint}

[profile by-process]
region = eu-west-1
endpoint_url = ${emulator.endpoint}
credential_process = "${process.execPath}" "${script}"
`,
  );
  writeFileSync(
    CREDENTIALS,
    `[emu]
aws_access_key_id = x
aws_secret_access_key = y

[per-service]
aws_access_key_id = x
aws_secret_access_key = y

[default]
aws_access_key_id = x
aws_secret_access_key = y
`,
  );
});
afterAll(async () => emulator.close());

describe("the profile's region and endpoint", () => {
  it("tune --profile emu runs against the profile's region and endpoint_url", async () => {
    const before = emulator.requests().length;
    const result = await spawned([...tuneArgs, "--profile", "emu"]);
    expect(result.stderr).not.toMatch(/lambda-cost: .*(error|failed)/i);
    expect(result.code).toBe(0);
    expect(regionsCalled(before)).toEqual(["eu-west-1"]);
  });

  it("AWS_PROFILE=emu report reports the profile's region", async () => {
    const result = await run(reportArgs("a"), { AWS_PROFILE: "emu" });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/1 functions in eu-west-1\n/);
  });

  it.each([
    ["AWS_REGION", { AWS_REGION: "us-east-1" }],
    ["AWS_DEFAULT_REGION", { AWS_DEFAULT_REGION: "us-east-1" }],
  ])("%s wins over the profile's region", async (_name, env) => {
    const result = await run([...reportArgs("b"), "--profile", "emu"], env);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/1 functions in us-east-1\n/);
  });

  it("--region wins over AWS_REGION", async () => {
    const before = emulator.requests().length;
    const result = await run([...tuneArgs, "--profile", "emu", "--region", "us-east-1"], {
      AWS_REGION: "eu-west-1",
    });
    expect(result.code).toBe(0);
    expect(regionsCalled(before)).toEqual(["us-east-1"]);
  });
});

describe("endpoints as the SDK defines them", () => {
  it("a services section's lambda and cloudwatch endpoint_url win over the profile's", async () => {
    const result = await run(reportArgs("c"), { AWS_PROFILE: "per-service" });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/1 functions in eu-west-1\n/);
  });

  it("AWS_ENDPOINT_URL_LAMBDA and _CLOUDWATCH win over AWS_ENDPOINT_URL", async () => {
    const result = await run(reportArgs("d"), {
      AWS_REGION: "us-east-1",
      AWS_ENDPOINT_URL: DEAD,
      AWS_ENDPOINT_URL_LAMBDA: emulator.endpoint,
      AWS_ENDPOINT_URL_CLOUDWATCH: emulator.endpoint,
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/1 functions in us-east-1\n/);
  });
});

describe("credentials and missing profiles", () => {
  it("takes credentials from the SDK's chain (credential_process)", async () => {
    const result = await run([...tuneArgs, "--profile", "by-process"]);
    expect(result.code).toBe(0);
    expect(existsSync(MARKER)).toBe(true);
  });

  it.each([
    ["--profile", ["--profile", "nope"], {}],
    ["AWS_PROFILE", [], { AWS_PROFILE: "nope" }],
  ])(
    "a profile named by %s that does not exist: exit 2, both files named, nothing sent",
    async (from, args, env) => {
      const before = emulator.requests().length;
      const result = await run([...reportArgs("e"), ...args], env);
      expect(result.code).toBe(2);
      expect(result.stderr).toBe(
        `lambda-cost: profile "nope" (from ${from}) is not in ${CONFIG} or ${CREDENTIALS}; name a profile defined there, or set AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE to the files that define it.\n`,
      );
      expect(emulator.requests().length).toBe(before);
    },
  );
});
