/**
 * Every command, by name. Each command has one shape: `<name>.ts` declares its options and
 * flags (commander only, light), `<name>-action.ts` checks the input, assembles adapters, the
 * application service and a renderer, and prints. The actions are imported here, lazily, only
 * when their command runs, so `estimate` never loads the AWS SDK and the declaration never
 * imports its action (no import cycle, not even a type-only one).
 * Rule: nothing under src/cli may statically import @aws-sdk/*, src/aws or src/emulator.
 */
import type { Command } from "commander";
import type { CliIo } from "../io.js";
import { adviseCommand } from "./advise.js";
import { crossoverCommand } from "./crossover.js";
import { emulatorCommand } from "./emulator.js";
import { estimateCommand } from "./estimate.js";
import { pricingCommand } from "./pricing.js";
import { reportCommand } from "./report.js";
import { tuneCommand } from "./tune.js";

/** By name, in the order `lambda-cost --help` lists them: the README's order. */
export const commandFactories: Record<string, (io: CliIo) => Command> = {
  estimate: (io) =>
    estimateCommand(io, async (flags, env) =>
      (await import("./estimate-action.js")).runEstimate(flags, env),
    ),
  tune: (io) =>
    tuneCommand(io, async (functionName, flags) =>
      (await import("./tune-action.js")).runTuneCommand(functionName, flags),
    ),
  crossover: (io) =>
    crossoverCommand(io, async (flags, env) =>
      (await import("./crossover-action.js")).runCrossover(flags, env),
    ),
  report: (io) =>
    reportCommand(io, async (flags, commandIo, now) =>
      (await import("./report-action.js")).runReport(flags, commandIo, now),
    ),
  advise: (io) =>
    adviseCommand(io, async (flags, commandIo, now) =>
      (await import("./advise-action.js")).runAdvise(flags, commandIo, now),
    ),
  emulator: (io) =>
    emulatorCommand(io, async (flags) => (await import("./emulator-action.js")).runEmulator(flags)),
  pricing: (io) =>
    pricingCommand(io, async (flags) =>
      (await import("./pricing-update-action.js")).runPricingUpdate(flags, io),
    ),
};
