/**
 * The Lambda Managed Instances flags of `crossover`. Light on purpose (commander and the flag
 * parsers only): the runtime names and GiB-per-vCPU ratios are spelled as in
 * core/crossover/lmi-fleet.ts, and a test keeps the two lists equal.
 */
import { type Command, InvalidArgumentError } from "commander";
import { type LambdaArchitectureFlag, parseArchitecture } from "../lambda-usage-options.js";
import { integerInRange, oneOf } from "../parse.js";

export const LMI_RUNTIME_NAMES = ["nodejs", "python", "java", "dotnet"] as const;
export const LMI_MEMORY_RATIOS = ["2", "4", "8"] as const;

export interface LmiFlags {
  runtime: (typeof LMI_RUNTIME_NAMES)[number];
  lmiTypes?: string[];
  lmiArch: LambdaArchitectureFlag;
  lmiMemoryPerVcpu?: 2 | 4 | 8;
  lmiMinInstances: number;
  lmiInstances?: number;
}

/** "c7g.xlarge,m7g.xlarge": a non-empty comma-separated list of instance type names. */
export function instanceTypeList(what: string) {
  return (raw: string): string[] => {
    const names = raw
      .split(",")
      .map((name) => name.trim())
      .filter(Boolean);
    if (names.length === 0 || names.some((name) => !/^[a-z0-9-]+\.[a-z0-9-]+$/.test(name))) {
      throw new InvalidArgumentError(
        `"${raw}" is not a list of ${what}; use a comma-separated list such as m7g.large,c7g.large`,
      );
    }
    return names;
  };
}

function memoryRatio(raw: string): 2 | 4 | 8 {
  return Number(oneOf(LMI_MEMORY_RATIOS)(raw.trim())) as 2 | 4 | 8;
}

/** Adds --runtime, --lmi-types, --lmi-arch, --lmi-memory-per-vcpu, --lmi-min-instances, --lmi-instances. */
export function addLmiOptions(command: Command): Command {
  return command
    .option(
      "--runtime <name>",
      "runtime, for LMI's concurrent requests per vCPU: nodejs 64, python 16, java 32, dotnet 32",
      oneOf(LMI_RUNTIME_NAMES),
      "nodejs",
    )
    .option(
      "--lmi-types <list>",
      "candidate LMI instance types, comma-separated (default: every non-burstable type with ≥ 2 vCPUs of --lmi-arch)",
      instanceTypeList("LMI instance types"),
    )
    .option("--lmi-arch <arch>", "LMI architecture, x86_64 or arm64", parseArchitecture, "arm64")
    .option(
      "--lmi-memory-per-vcpu <GiB>",
      "GiB per vCPU of LMI environments: 2, 4 or 8 (default: by family, c 2, m 4, r 8)",
      memoryRatio,
    )
    .option(
      "--lmi-min-instances <N>",
      "smallest LMI fleet (default 3, one per Availability Zone)",
      integerInRange(1, 100_000),
      3,
    )
    .option(
      "--lmi-instances <N>",
      "price exactly N LMI instances at every volume instead of sizing a fleet",
      integerInRange(1, 100_000),
    );
}
