/**
 * The body of `lambda-cost emulator`, loaded lazily by ./emulator.ts: reads the config (or the
 * demo account), starts the emulator, prints its endpoint, serves until SIGINT or SIGTERM.
 */
import { ConfigError } from "../../core/errors.js";
import { checkNesting, readInputFile } from "../input-file.js";
import type { EmulatorFlags } from "./emulator.js";

/** Why listen() can fail because of what the user asked for (port taken, host unknown, …). */
const LISTEN_ERRORS = ["EADDRINUSE", "EADDRNOTAVAIL", "EACCES", "ENOTFOUND", "EAI_AGAIN"];

export async function runEmulator(flags: EmulatorFlags): Promise<void> {
  const input =
    flags.config === undefined
      ? (await import("../../emulator/demo-account.js")).demoAccountConfig
      : await readConfig(flags.config);
  const { emulatorConfig, startEmulator } = await import("../../emulator/http-server.js");
  const config = emulatorConfig(
    input,
    flags.config === undefined ? "the demo account" : `--config ${flags.config}`,
  );
  const { loadLambdaPriceTable } = await import("../../prices/lambda-prices.js");
  const priceTable = loadLambdaPriceTable();
  const emulator = await startEmulator({
    config,
    port: flags.port,
    host: flags.host,
    priceTable,
  }).catch((error: NodeJS.ErrnoException) => {
    if (LISTEN_ERRORS.includes(error.code ?? "")) {
      throw new ConfigError(
        `cannot listen on ${flags.host}:${flags.port} (${error.code}); choose another --port or --host`,
      );
    }
    throw error;
  });
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
    throw new ConfigError(`${what}: not valid JSON (${(error as Error).message})`);
  }
}
