/**
 * Builds the command tree and is the only place that maps errors to exit codes:
 * 0 ok · 1 a check failed · 2 bad input or environment (one line, no stack) ·
 * 3 unexpected (stack, please report) · 130 interrupted after cleanup.
 */
import { Command, CommanderError } from "commander";
import { LambdaCostError } from "../core/errors.js";
import { commandFactories } from "./commands/index.js";
import { commanderErrorLine, terminalLine } from "./error-line.js";
import { type CliIo, processIo } from "./io.js";
import { VERSION } from "./version.js";

/**
 * The command tree. Given the arguments, only the command being run is constructed (every one
 * for top-level help, an unknown name, or no arguments): building all five costs a few ms of
 * every start-up (npm run bench:startup).
 */
export function buildProgram(argv: readonly string[] = [], io: CliIo = processIo): Command {
  const program = new Command("lambda-cost")
    .description("What your AWS Lambda functions cost, and how to make them cheaper or faster.")
    .version(VERSION, "-V, --version")
    .exitOverride()
    .showSuggestionAfterError(true)
    // Errors are written by exitCodeFor as one line in the house style, not by commander.
    .configureOutput({
      writeOut: (text) => io.stdout(text),
      writeErr: (text) => io.stderr(text),
      outputError: () => {},
    });
  const named = argv[0] !== undefined && Object.hasOwn(commandFactories, argv[0]);
  const factories = named ? [commandFactories[argv[0] as string]] : Object.values(commandFactories);
  for (const factory of factories) {
    if (!factory) continue;
    const command = factory(io);
    command.copyInheritedSettings(program);
    // A command with subcommands (`pricing update`) built them before it inherited.
    for (const sub of command.commands) sub.copyInheritedSettings(command);
    program.addCommand(command);
  }
  return program;
}

/**
 * Runs the CLI and returns the exit code instead of exiting: the bin calls it with the process's
 * streams, tests call it in-process with their own `io`.
 */
export async function runCli(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  const program = buildProgram(argv, io);
  try {
    await program.parseAsync([...argv], { from: "user" });
    return typeof process.exitCode === "number" ? process.exitCode : 0;
  } catch (error) {
    return exitCodeFor(error, io);
  }
}

export function exitCodeFor(error: unknown, io: CliIo = processIo): number {
  if (error instanceof CommanderError) {
    const benign = ["commander.helpDisplayed", "commander.help", "commander.version"];
    if (benign.includes(error.code)) return 0;
    io.stderr(`lambda-cost: ${terminalLine(commanderErrorLine(error.message))}\n`);
    return 2;
  }
  if (error instanceof LambdaCostError) {
    io.stderr(`lambda-cost: ${terminalLine(error.message)}\n`);
    return error.exitCode;
  }
  const stack = error instanceof Error ? (error.stack ?? error.message) : String(error);
  io.stderr(
    `lambda-cost: unexpected error — please report it with the command you ran.\n${stack}\n`,
  );
  return 3;
}
