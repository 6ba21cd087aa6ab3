/**
 * Builds the command tree and is the only place that maps errors to exit codes:
 * 0 ok · 1 a check failed · 2 bad input or environment (one line, no stack) ·
 * 3 unexpected (stack, please report) · 130 interrupted after cleanup.
 */
import { Command, CommanderError } from "commander";
import { LambdaCostError } from "../core/errors.js";
import { commandFactories } from "./commands/index.js";
import { VERSION } from "./version.js";

/**
 * The command tree. Given the arguments, only the command being run is constructed (every one
 * for top-level help, an unknown name, or no arguments): building all five costs a few ms of
 * every start-up (npm run bench:startup).
 */
export function buildProgram(argv: readonly string[] = []): Command {
  const program = new Command("lambda-cost")
    .description("What your AWS Lambda functions cost, and how to make them cheaper or faster.")
    .version(VERSION, "-V, --version")
    .exitOverride()
    .showSuggestionAfterError(true);
  const named = argv[0] !== undefined && Object.hasOwn(commandFactories, argv[0]);
  const factories = named ? [commandFactories[argv[0] as string]] : Object.values(commandFactories);
  for (const factory of factories) {
    if (!factory) continue;
    const command = factory();
    command.copyInheritedSettings(program);
    program.addCommand(command);
  }
  return program;
}

/** Runs the CLI and returns the exit code instead of exiting. */
export async function runCli(argv: readonly string[]): Promise<number> {
  const program = buildProgram(argv);
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
