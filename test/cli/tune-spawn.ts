/**
 * Spawns the built bin WITHOUT blocking the test process: tune's CLI tests talk to an emulator
 * running inside the test process, which spawnSync would starve (it answers nothing while the
 * event loop is blocked). Also lets a test signal the child mid-run.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { BIN, type CliResult } from "./run-cli.js";

export interface RunningBin {
  child: ChildProcess;
  /** Resolves once stdout/stderr contain `pattern`. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<void>;
  done: Promise<CliResult & { signal: NodeJS.Signals | null }>;
}

export function startBin(
  args: readonly string[],
  env: NodeJS.ProcessEnv = {},
  input = "",
): RunningBin {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { ...process.env, NO_COLOR: "1", ...env },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  const waiters: Array<{ pattern: RegExp; resolve: () => void }> = [];
  const check = () => {
    for (const waiter of [...waiters]) {
      if (waiter.pattern.test(stdout + stderr)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
  };
  child.stdout?.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
    check();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
    check();
  });
  child.stdin?.end(input);
  const done = new Promise<CliResult & { signal: NodeJS.Signals | null }>((resolve) => {
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return {
    child,
    done,
    waitFor(pattern, timeoutMs = 20_000) {
      return new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () =>
            reject(
              new Error(`timed out waiting for ${pattern}; output so far:\n${stdout}${stderr}`),
            ),
          timeoutMs,
        );
        waiters.push({
          pattern,
          resolve: () => {
            clearTimeout(timer);
            resolve();
          },
        });
        check();
      });
    },
  };
}

export async function runBinAsync(
  args: readonly string[],
  env: NodeJS.ProcessEnv = {},
  input = "",
) {
  return startBin(args, env, input).done;
}
