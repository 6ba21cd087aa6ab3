/**
 * `lambda-cost emulator [--config FILE] [--port 4010] [--host 127.0.0.1]`: a local AWS (Lambda
 * restJson1 + CloudWatch JSON 1.0 and query) that serves until SIGINT/SIGTERM; without --config
 * it serves the built-in demo account. The emulator itself is imported lazily in the action so
 * other commands never load it.
 */
import { Command } from "commander";
import { ConfigError } from "../../core/errors.js";
import { checkNesting, readInputFile } from "../input-file.js";
import type { CliIo } from "../io.js";
import { integerInRange } from "../parse.js";

export const DEFAULT_EMULATOR_PORT = 4010;
/** Why listen() can fail because of what the user asked for (port taken, host unknown, …). */
const LISTEN_ERRORS = ["EADDRINUSE", "EADDRNOTAVAIL", "EACCES", "ENOTFOUND", "EAI_AGAIN"];

interface EmulatorFlags {
  config?: string;
  port: number;
  host: string;
}

export function emulatorCommand(_io: CliIo): Command {
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
    .action(async (flags: EmulatorFlags) => {
      const input =
        flags.config === undefined
          ? (await import("../../emulator/demo-account.js")).demoAccountConfig
          : await readConfig(flags.config);
      const { emulatorConfig, startEmulator } = await import("../../emulator/http-server.js");
      const config = emulatorConfig(input);
      const emulator = await startEmulator({ config, port: flags.port, host: flags.host }).catch(
        (error: NodeJS.ErrnoException) => {
          if (LISTEN_ERRORS.includes(error.code ?? "")) {
            throw new ConfigError(
              `cannot listen on ${flags.host}:${flags.port} (${error.code}); choose another --port or --host`,
            );
          }
          throw error;
        },
      );
      // Listen for the stop signals before announcing the endpoint: a supervisor may signal
      // as soon as it reads the line.
      const stopped = new Promise<string>((resolve) => {
        process.once("SIGINT", () => resolve("SIGINT"));
        process.once("SIGTERM", () => resolve("SIGTERM"));
      });
      process.stdout.write(`Emulator listening on ${emulator.endpoint}\n`);
      if (flags.config === undefined) {
        process.stdout.write(
          `Serving the built-in demo account (${config.functions.map((f) => f.name).join(", ")}); --config FILE serves your own.\n`,
        );
      }
      const signal = await stopped;
      await emulator.close();
      process.stdout.write(`Emulator stopped (${signal})\n`);
    });
}

/** Configs with a month of history for many functions stay far below this. */
const CONFIG_MAX_BYTES = 16 * 1024 * 1024;

async function readConfig(file: string): Promise<unknown> {
  const what = `--config ${file}`;
  const text = readInputFile(file, what, CONFIG_MAX_BYTES);
  checkNesting(text, what, "json");
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`emulator config ${file} is not valid JSON: ${(error as Error).message}`);
  }
}
