/**
 * Runs the CLI in this process through its entry function (runCli with buffers for stdout and
 * stderr), about 100× cheaper than spawning node: the bad-input suites use it; each command keeps
 * one spawned case (run-cli.ts) to prove the bin wires the same entry. Anything a command writes
 * to process.stdout or process.stderr directly (report's summary, tune's progress) is captured
 * too, so "nothing on stdout" still holds and stderr is what a user would see.
 */
import { vi } from "vitest";
import { runCli } from "../../src/cli/program.js";
import type { CliResult } from "./run-cli.js";

export async function runInProcess(
  args: readonly string[],
  env: NodeJS.ProcessEnv = {},
): Promise<CliResult> {
  const { code, stdout, stderr } = await runCapturingOutput(args, env);
  return { code, stdout, stderr };
}

/** As runInProcess, and `output`: both streams in the order they were written, as `2>&1` shows. */
export async function runCapturingOutput(
  args: readonly string[],
  env: NodeJS.ProcessEnv = {},
): Promise<CliResult & { output: string }> {
  let stdout = "";
  let stderr = "";
  let output = "";
  // The command's environment is process.env itself, as in the bin: the AWS SDK reads it, and a
  // command may write to it (--profile sets AWS_PROFILE for the SDK). Restored afterwards.
  const saved = { ...process.env };
  for (const [name, value] of Object.entries({ NO_COLOR: "1", ...env })) vi.stubEnv(name, value);
  const direct = vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
    stdout += String(chunk);
    output += String(chunk);
    return true;
  });
  const directErr = vi.spyOn(process.stderr, "write").mockImplementation((chunk) => {
    stderr += String(chunk);
    output += String(chunk);
    return true;
  });
  try {
    const code = await runCli(args, {
      stdout: (text) => {
        stdout += text;
        output += text;
      },
      stderr: (text) => {
        stderr += text;
        output += text;
      },
      env: process.env,
    });
    return { code, stdout, stderr, output };
  } finally {
    direct.mockRestore();
    directErr.mockRestore();
    vi.unstubAllEnvs();
    for (const name of Object.keys(process.env)) {
      if (!(name in saved)) delete process.env[name];
    }
    Object.assign(process.env, saved);
  }
}

/** The house rule for bad input: exit 2, nothing on stdout, one `lambda-cost: ` line, no stack. */
export function expectOneLineExit2(
  result: CliResult,
  message: RegExp,
  expect: typeof import("vitest").expect,
): void {
  const lines = result.stderr.split("\n").filter((line) => line.trim() !== "");
  expect(lines, result.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^lambda-cost: /);
  expect(lines[0]).toMatch(message);
  expect(result.stderr).not.toMatch(/\n\s+at /);
  expect(result.stdout).toBe("");
  expect(result.code).toBe(2);
}
