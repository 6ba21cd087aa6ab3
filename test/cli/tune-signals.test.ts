/**
 * Interrupting a real-time run of the built bin (emulator timeScale 1, so invocations take real
 * time): Ctrl-C puts the function back and exits 130; SIGKILL leaves a journal, and `--recover`
 * (or the next run) puts the function back from it. The runs that are signalled are spawned bins;
 * the runs after a SIGKILL run in-process through the CLI's entry function (runCli), which the
 * bin only wraps: what they read is the journal the killed process left.
 */
import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it, type TestContext } from "vitest";
import type { EmulatorHandle } from "../../src/emulator/types.js";
import { comparable, emulatorWith, fn } from "../integration/tune-harness.js";
import { runInProcess } from "./run-in-process.js";
import { startBin } from "./tune-spawn.js";

/**
 * One test's own emulator and state directory: the four tests run at once (describe.concurrent)
 * because they mostly wait on real time (150 ms invocations, the bin's 1 s waiter delay), so the
 * file takes about as long as its longest test instead of the sum of all four.
 */
interface Rig {
  emulator: EmulatorHandle;
  stateDir: string;
}

/**
 * 150 ms per invocation in real time. `updateLatencyMs` keeps each update InProgress that long;
 * the bin's waiter then polls again only after its 1 s minimum delay, so only the test that
 * needs a kill to land inside the publish phase pays for it (the others start with 0). INIT is
 * 10 ms, not the harness's 150: INIT is scaled by 1/vCPU, so 150 ms became about 1 s of real time
 * per cold start at 256 MB, time these tests only waited through (no assertion is about INIT).
 */
async function rig(updateLatencyMs: number, context: TestContext): Promise<Rig> {
  const emulator = await emulatorWith([fn("slow", { fixedMs: 150, cpuMs: 10, initMs: 10 })], {
    timeScale: 1,
    faults: { updateLatencyMs },
  });
  // The context's own hook: with tests running at once, the imported onTestFinished would attach
  // to whichever test happens to be current and close this emulator under another test's bin.
  context.onTestFinished(() => emulator.close());
  return { emulator, stateDir: mkdtempSync(join(tmpdir(), "lc-tune-sig-")) };
}

const env = ({ stateDir }: Rig) => ({
  AWS_ACCESS_KEY_ID: "test",
  AWS_SECRET_ACCESS_KEY: "test",
  AWS_REGION: "us-east-1",
  XDG_STATE_HOME: stateDir,
});
const journals = ({ stateDir }: Rig) => readdirSync(join(stateDir, "lambda-cost"));
const args = ({ emulator }: Rig, extra: string[] = []) => [
  "tune",
  "slow",
  "--endpoint-url",
  emulator.endpoint,
  "--sizes",
  "256,512,2048",
  "--invocations",
  "40",
  "--concurrency",
  "2",
  ...extra,
];

async function until(condition: () => boolean, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 20));
  }
}

const invoked = ({ emulator }: Rig) =>
  emulator.requests().filter((r) => r.action === "lambda:InvokeFunction").length;
const published = ({ emulator }: Rig) =>
  emulator.requests().filter((r) => r.action === "lambda:PublishVersion" && r.status === 201)
    .length;

/**
 * In-process runs one at a time: runInProcess stubs process.env (each test has its own
 * XDG_STATE_HOME) and captures process.stdout/stderr for the whole process, so two at once would
 * read each other's journals and output. The spawned bins need no such care.
 */
let inProcessQueue: Promise<unknown> = Promise.resolve();
function inProcess(argv: string[], environment: NodeJS.ProcessEnv) {
  const result = inProcessQueue.then(() => runInProcess(argv, environment));
  inProcessQueue = result.catch(() => undefined);
  return result;
}

describe.concurrent("tune interrupted", () => {
  it("Ctrl-C mid-run restores the function, deletes its versions and exits 130", async (context) => {
    const { expect } = context;
    const r = await rig(0, context);
    const { emulator } = r;
    const before = comparable(emulator, "slow");
    const run = startBin(args(r), env(r));
    await until(() => invoked(r) >= 6);
    run.child.kill("SIGINT");
    const result = await run.done;
    expect(result.code).toBe(130);
    expect(result.stderr).toMatch(/SIGINT: stopping and putting slow back first/);
    expect(result.stderr).toMatch(
      /interrupted; deleted the 3 version\(s\) this run created.*\$LATEST is exactly as found/,
    );
    expect(comparable(emulator, "slow")).toEqual(before);
    expect(journals(r)).toEqual([]);
    expect(invoked(r)).toBeLessThan(120); // it stopped, not finished
  }, 60_000);

  it("SIGTERM is handled the same way, and exits 143 (128 + 15) as shells expect", async (context) => {
    const { expect } = context;
    const r = await rig(0, context);
    const { emulator } = r;
    const before = comparable(emulator, "slow");
    const run = startBin(args(r), env(r));
    await until(() => published(r) >= 1);
    run.child.kill("SIGTERM");
    const result = await run.done;
    expect(result.code).toBe(143);
    expect(result.stderr).toMatch(/SIGTERM: stopping and putting slow back first/);
    expect(comparable(emulator, "slow")).toEqual(before);
    expect(journals(r)).toEqual([]);
  }, 60_000);

  it("SIGKILL mid-publish leaves a journal; --recover puts everything back", async (context) => {
    const { expect } = context;
    const r = await rig(50, context); // the kill below lands while version 3's update is InProgress
    const { emulator } = r;
    const before = comparable(emulator, "slow");
    const run = startBin(args(r), env(r));
    await until(() => published(r) >= 2);
    run.child.kill("SIGKILL");
    await run.done;
    // The journal (and, if the kill hit a journal write, that write's temp file).
    expect(journals(r).filter((name) => name.startsWith("tune-"))).toHaveLength(1);
    expect(emulator.inspect("us-east-1", "slow")?.versions.length).toBeGreaterThanOrEqual(2);

    const recovered = await inProcess(
      ["tune", "slow", "--endpoint-url", emulator.endpoint, "--recover"],
      env(r),
    );
    expect(recovered.code).toBe(0);
    expect(recovered.stdout).toMatch(
      /Recovered slow: \$LATEST is as it was found; deleted versions: 1, 2/,
    );
    // Printed once: stdout has the result, stderr does not repeat it.
    expect(recovered.stderr).not.toMatch(/recovered slow/i);
    expect(comparable(emulator, "slow")?.aliases).toEqual([]); // the lock went last
    expect(comparable(emulator, "slow")).toEqual(before);
    expect(journals(r)).toEqual([]);

    const again = await inProcess(
      ["tune", "slow", "--endpoint-url", emulator.endpoint, "--recover"],
      env(r),
    );
    expect(again.stdout).toMatch(/Nothing to recover for slow/);
  }, 60_000);

  it("after a SIGKILL the next ordinary run recovers first, then tunes", async (context) => {
    const { expect } = context;
    const r = await rig(0, context);
    const { emulator } = r;
    const before = comparable(emulator, "slow");
    const run = startBin(args(r), env(r));
    await until(() => invoked(r) >= 4);
    run.child.kill("SIGKILL");
    await run.done;
    const next = await inProcess(
      [
        "tune",
        "slow",
        "--endpoint-url",
        emulator.endpoint,
        "--sizes",
        "512",
        "--invocations",
        "3",
        "--format",
        "json",
      ],
      env(r),
    );
    expect(next.code).toBe(0);
    expect(next.stderr).toMatch(/found the journal of an interrupted tune run/);
    expect(next.stderr).toMatch(/recovered slow: deleted 3 version\(s\)/);
    expect(JSON.parse(next.stdout)).toMatchObject({ restored: true });
    expect(comparable(emulator, "slow")).toEqual(before);
    expect(journals(r)).toEqual([]);
  }, 60_000);
});
