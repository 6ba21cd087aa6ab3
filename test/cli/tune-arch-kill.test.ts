/**
 * `tune --arch x86_64,arm64` killed with SIGKILL right after its code swap (the built bin, a
 * real kill): the journal and the saved zip remain; `--recover` puts the code back on x86_64
 * with the original CodeSha256, the memory and configuration as found, and no version left.
 */
import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { comparable, emulatorWith, fn } from "../integration/tune-harness.js";
import { runBinAsync, startBin } from "./tune-spawn.js";

it("SIGKILL between the code swap and the publish after it; --recover puts code, architecture and config back", async () => {
  // Each update stays InProgress 60 ms: the bin then waits (≥ 1 s) after UpdateFunctionCode,
  // before it publishes anything on arm64 — the kill lands there.
  const emulator = await emulatorWith([fn("swapper", { fixedMs: 5, cpuMs: 5 })], {
    faults: { updateLatencyMs: 60 },
  });
  const stateDir = mkdtempSync(join(tmpdir(), "lc-tune-arch-kill-"));
  const env = {
    AWS_ACCESS_KEY_ID: "test",
    AWS_SECRET_ACCESS_KEY: "test",
    AWS_REGION: "us-east-1",
    XDG_STATE_HOME: stateDir,
  };
  try {
    const before = comparable(emulator, "swapper");
    const args = ["tune", "swapper", "--endpoint-url", emulator.endpoint, "--sizes", "1024"];
    const run = startBin([...args, "--invocations", "3", "--arch", "x86_64,arm64"], env);
    const swapped = () =>
      emulator.requests().some((r) => r.action === "lambda:UpdateFunctionCode" && r.status === 200);
    const end = Date.now() + 20_000;
    while (!swapped() && Date.now() < end) await new Promise((r) => setTimeout(r, 5));
    run.child.kill("SIGKILL");
    await run.done;
    const publishes = emulator.requests().filter((r) => r.action === "lambda:PublishVersion");
    expect(publishes).toHaveLength(1); // x86_64's only; none yet on arm64
    expect(emulator.inspect("us-east-1", "swapper")?.latest.Architectures).toEqual(["arm64"]);
    const files = readdirSync(join(stateDir, "lambda-cost"));
    expect(files.some((f) => f.endsWith(".code.zip"))).toBe(true);

    const recovered = await runBinAsync([...args.slice(0, 4), "--recover"], env);
    expect(recovered.code).toBe(0);
    expect(recovered.stdout).toMatch(
      /Recovered swapper: \$LATEST is as it was found; deleted versions: 1/,
    );
    expect(comparable(emulator, "swapper")).toEqual(before);
    expect(readdirSync(join(stateDir, "lambda-cost"))).toEqual([]);
  } finally {
    await emulator.close();
  }
}, 60_000);
