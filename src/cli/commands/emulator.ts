/**
 * `lambda-cost emulator [--config FILE] [--port 4010] [--host 127.0.0.1]`: a local AWS (Lambda
 * restJson1 + CloudWatch JSON 1.0 and query) that serves until SIGINT/SIGTERM; without --config
 * it serves the built-in demo account. The emulator itself is imported lazily by the action
 * (./emulator-action.ts) so other commands never load it.
 */
import { Command } from "commander";
import type { CliIo } from "../io.js";
import { integerInRange } from "../parse.js";

export const DEFAULT_EMULATOR_PORT = 4010;

export interface EmulatorFlags {
  config?: string;
  port: number;
  host: string;
}

export function emulatorCommand(_io: CliIo, run: (flags: EmulatorFlags) => Promise<void>): Command {
  return new Command("emulator")
    .description(
      "run a local AWS (Lambda and CloudWatch APIs) with synthetic functions; point --endpoint-url at it",
    )
    .option(
      "--config <file>",
      "emulator config (JSON): seed, faults, functions, history (default: the built-in demo account)",
    )
    .option(
      "--port <port>",
      "TCP port (0 picks a free one)",
      integerInRange(0, 65_535),
      DEFAULT_EMULATOR_PORT,
    )
    .option(
      "--host <host>",
      "address to listen on (loopback unless you say otherwise)",
      "127.0.0.1",
    )
    .addHelpText(
      "after",
      "\nExamples:\n  lambda-cost emulator                       # the built-in demo account\n  lambda-cost emulator --config my-account.json\n  aws --endpoint-url http://127.0.0.1:4010 lambda list-functions",
    )
    .action(run);
}
