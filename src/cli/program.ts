/**
 * Builds the command tree and is the only place that maps errors to exit codes:
 * 0 ok · 1 a check failed · 2 bad input or environment (one line, no stack) ·
 * 3 unexpected (stack, please report) · 130 interrupted after cleanup.
 */
import { Command, CommanderError } from "commander";
import { LambdaCostError } from "../core/errors.js";
import { commandFactories } from "./commands/index.js";
import { VERSION } from "./version.js";

export function buildProgram(): Command {
  const program = new Command("lambda-cost")
    .description("What your AWS Lambda functions cost, and how to make them cheaper or faster.")
    .version(VERSION, "-V, --version")
    .exitOverride()
    .showSuggestionAfterError(true);
  for (const factory of commandFactories) {
    const command = factory();
    command.copyInheritedSettings(program);
    program.addCommand(command);
  }
  return program;
}

/** Runs the CLI and returns the exit code instead of exiting. */
export async function runCli(argv: readonly string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync([...argv], { from: "user" });
    return typeof process.exitCode === "number" ? process.exitCode : 0;
  } catch (error) {
    return exitCodeFor(error);
  }
}

export function exitCodeFor(error: unknown): number {
  if (error instanceof CommanderError) {
    // Commander has already printed its one-line message (or the help / version text).
    const benign = ["commander.helpDisplayed", "commander.help", "commander.version"];
    if (benign.includes(error.code)) return 0;
    return 2;
  }
  if (error instanceof LambdaCostError) {
    process.stderr.write(`lambda-cost: ${error.message}\n`);
    return error.exitCode;
  }
  const stack = error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(
    `lambda-cost: unexpected error — please report it with the command you ran.\n${stack}\n`,
  );
  return 3;
}
