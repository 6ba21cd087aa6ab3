/**
 * `tune` against an in-process emulator: what a user sees on stdout and stderr, --dry-run,
 * --format json, --out, --help, and the exit code when no size works. The first case spawns the
 * built bin; the rest run in-process through the CLI's entry function (runCli), which the bin
 * only wraps.
 */
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EmulatorHandle } from "../../src/emulator/types.js";
import { comparable, emulatorWith, fn } from "../integration/tune-harness.js";
import { runInProcess } from "./run-in-process.js";
import { runBinAsync } from "./tune-spawn.js";

let emulator: EmulatorHandle;
const dir = mkdtempSync(join(tmpdir(), "lc-tune-run-"));
const env = {
  AWS_ACCESS_KEY_ID: "test",
  AWS_SECRET_ACCESS_KEY: "test",
  AWS_REGION: "us-east-1",
  XDG_STATE_HOME: dir,
};
const spawned = (args: string[]) =>
  runBinAsync(["tune", ...args, "--endpoint-url", emulator.endpoint], env);
const tune = (args: string[]) =>
  runInProcess(["tune", ...args, "--endpoint-url", emulator.endpoint], env);

/** The month `offset` months from the current one (UTC), as YYYY-MM. */
function monthFromNow(offset: number): string {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, 1))
    .toISOString()
    .slice(0, 7);
}

beforeAll(async () => {
  emulator = await emulatorWith([
    fn("web", { fixedMs: 20, cpuMs: 400, memoryUsedMb: 100, gcPressure: 1 }),
    fn("hog", { fixedMs: 20, cpuMs: 100, memoryUsedMb: 4000 }),
    fn("shop", { fixedMs: 20, cpuMs: 400, memoryUsedMb: 100, gcPressure: 1 }, { memorySize: 512 }),
    fn(
      "busy-api",
      { fixedMs: 100, cpuMs: 10 },
      {
        // Invocations history around today, whatever the date (the last 30 days are always
        // inside it; fixed months stopped covering them a month later): 2,000 a day with
        // day-to-day noise.
        history: [-2, -1, 0, 1].map(monthFromNow).map((month) => ({
          month,
          invocationsPerDay: 2000,
          avgDurationMs: 110,
        })),
      },
    ),
  ]);
});
afterAll(async () => emulator.close());

describe("tune via the bin", () => {
  it("--dry-run prints the plan, calls only GetFunction, exits 0", async () => {
    const before = emulator.requests().length;
    const result = await spawned([
      "web",
      "--sizes",
      "512,1024",
      "--invocations",
      "10",
      "--dry-run",
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^Dry run: nothing was changed\. Plan for web \(us-east-1, account 123456789012/,
    );
    expect(result.stdout).toMatch(/Invocations: 10 per size, 20 in all/);
    // 20 × (0.0000002 + 1 GB-s × 0.0000166667) = 0.000337334 (1000 ms at 1024 MB, ∝ 1/memory).
    expect(result.stdout).toMatch(/about \$0\.0003 /);
    expect(
      emulator
        .requests()
        .slice(before)
        .map((r) => r.action),
    ).toEqual(["lambda:GetFunction"]);
  });

  it("--dry-run --format json|csv prints the plan as data, money as exact numbers", async () => {
    const args = ["web", "--sizes", "512,1024", "--invocations", "10", "--dry-run", "--format"];
    const json = await tune([...args, "json"]);
    expect(json.code).toBe(0);
    const plan = JSON.parse(json.stdout);
    expect(plan).toMatchObject({ dryRun: true, function: "web", sizes: [512, 1024] });
    // Same hand figure as above: 20 × (0.0000002 + 1 GB-s × 0.0000166667) = 0.000337334.
    expect(json.stdout).toContain('"guess": 0.000337334,');
    const csv = await tune([...args, "csv"]);
    expect(csv.code).toBe(0);
    const lines = csv.stdout.trim().split("\n");
    expect(lines[0]).toBe('"step","change"');
    expect(lines).toHaveLength(1 + plan.changes.length);
  });

  it("--format json --out writes one JSON document and says what it changed on stderr", async () => {
    const before = comparable(emulator, "web");
    const out = join(dir, "result.json");
    const result = await tune([
      "web",
      "--sizes",
      "512,1024,2048",
      "--invocations",
      "20",
      "--format",
      "json",
      "--out",
      out,
      "--monthly-invocations",
      "1M",
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/tune will change web \(us-east-1\); journal /);
    expect(result.stderr).toMatch(
      /deleted the 3 version\(s\) this run created.*\$LATEST is exactly as found/,
    );
    const json = JSON.parse(readFileSync(out, "utf8"));
    expect(json).toMatchObject({
      function: "web",
      region: "us-east-1",
      architecture: "x86_64",
      strategy: "cost",
      originalMemoryMb: 1024,
      restored: true,
      recommendation: { memoryMb: 1024 },
      monthlyProjection: { monthlyInvocations: 1_000_000, source: "flag", currentMemoryMb: 1024 },
    });
    expect(json.sizes.map((s: { memoryMb: number }) => s.memoryMb)).toEqual([512, 1024, 2048]);
    expect(comparable(emulator, "web")).toEqual(before);
    expect(readdirSync(join(dir, "lambda-cost"))).toEqual([]);
  });

  it("exits 1 when no size works, and still puts everything back", async () => {
    const before = comparable(emulator, "hog");
    const result = await tune([
      "hog",
      "--sizes",
      "128,256",
      "--invocations",
      "3",
      "--format",
      "json",
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/no memory size worked/);
    expect(JSON.parse(result.stdout)).toMatchObject({ recommendation: null, restored: true });
    expect(comparable(emulator, "hog")).toEqual(before);
  });

  it("without --monthly-invocations, projects the last 30 days of CloudWatch Invocations", async () => {
    const result = await tune([
      "busy-api",
      "--sizes",
      "256,512",
      "--invocations",
      "5",
      "--format",
      "json",
    ]);
    expect(result.code).toBe(0);
    const projection = JSON.parse(result.stdout).monthlyProjection;
    expect(projection.source).toBe("cloudwatch");
    // 30 days × 2,000 a day, give or take the emulator's day-to-day variation.
    expect(projection.monthlyInvocations).toBeGreaterThan(30 * 2000 * 0.8);
    expect(projection.monthlyInvocations).toBeLessThan(30 * 2000 * 1.2);
  });

  it("--sizes auto (the default) measures the standard spread plus the current size", async () => {
    const result = await tune(["web", "--invocations", "5", "--dry-run"]);
    expect(result.stdout).toMatch(/Sizes: 128 MB, 256 MB, 512 MB, 1024 MB, 1769 MB, 3008 MB\n/);
  });

  it("--apply --alias --yes applies without asking and says what it did", async () => {
    const result = await tune([
      "shop",
      "--sizes",
      "512,1024,2048",
      "--invocations",
      "20",
      "--apply",
      "--alias",
      "live",
      "--yes",
    ]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(
      /applying: set MemorySize 512 → 1024 MB on \$LATEST, then publish a version and create alias live pointing at it/,
    );
    const state = emulator.inspect("us-east-1", "shop");
    expect(state?.latest.MemorySize).toBe(1024);
    expect(state?.aliases).toEqual([{ name: "live", functionVersion: state?.versions[0] }]);
    expect(result.stderr).toContain(`alias live → version ${state?.versions[0]}`);
  });

  it("--help lists every flag of issue 4", async () => {
    const result = await runInProcess(["tune", "--help"]);
    expect(result.code).toBe(0);
    for (const flag of [
      "--sizes",
      "--invocations",
      "--max-invocations",
      "--concurrency",
      "--payload ",
      "--payloads",
      "--strategy",
      "--balanced-weight",
      "--max-duration",
      "--monthly-invocations",
      "--apply",
      "--alias",
      "--dry-run",
      "--yes",
      "--recover",
      "--region",
      "--profile",
      "--endpoint-url",
      "--format",
      "--out",
      "--trim",
    ]) {
      expect(result.stdout).toContain(flag);
    }
  });
});

describe("someone else's deploy while tune measures (issue 18, found bug 3)", () => {
  it("prints the result, then exits 1 saying which field is whose; nothing left to recover", async () => {
    // Requests: GetFunction, GetAlias, CreateAlias, GetFunction, then two publish rounds of
    // Update/GetFunction/Publish/GetFunction (12 in all); the deploy lands at the 2nd invoke.
    const own = await emulatorWith([fn("kfn", { fixedMs: 20, cpuMs: 10 })], {
      faults: {
        concurrentDeploys: [{ functionName: "kfn", afterRequests: 13, patch: { Timeout: 45 } }],
      },
    });
    try {
      const result = await runInProcess(
        ["tune", "kfn", "--endpoint-url", own.endpoint, "--sizes", "256,1024"].concat([
          "--invocations",
          "5",
          "--monthly-invocations",
          "1M",
          "--format",
          "json",
        ]),
        env,
      );
      expect(own.requests()[13]?.action).toBe("lambda:InvokeFunction");
      expect(result.code).toBe(1);
      expect(JSON.parse(result.stdout)).toMatchObject({ function: "kfn", restored: false });
      const last = result.stderr.trim().split("\n").at(-1);
      expect(last).toBe(
        "lambda-cost: kfn is NOT exactly as found: MemorySize (tune's field) is back at 1024 MB; Timeout changed by someone else meanwhile, kept as they set it (tune's own fields are back; nothing left to recover).",
      );
      expect(own.inspect("us-east-1", "kfn")).toMatchObject({ versions: [], aliases: [] });
      expect(own.inspect("us-east-1", "kfn")?.latest).toMatchObject({
        MemorySize: 1024,
        Timeout: 45,
      });
    } finally {
      await own.close();
    }
  });
});
