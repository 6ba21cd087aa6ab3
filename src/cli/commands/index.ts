/**
 * Every command, by name. Definitions are light (commander only); each command's action
 * imports its implementation lazily, so `estimate` never loads the AWS SDK.
 * Rule: nothing under src/cli may statically import @aws-sdk/*, src/aws or src/emulator.
 */
import type { Command } from "commander";
import type { CliIo } from "../io.js";
import { crossoverCommand } from "./crossover.js";
import { emulatorCommand } from "./emulator.js";
import { estimateCommand } from "./estimate.js";
import { reportCommand } from "./report.js";
import { tuneCommand } from "./tune.js";

/** By name, in the order `lambda-cost --help` lists them: the README's order. */
export const commandFactories: Record<string, (io: CliIo) => Command> = {
  estimate: estimateCommand,
  tune: tuneCommand,
  crossover: crossoverCommand,
  report: reportCommand,
  emulator: emulatorCommand,
};
