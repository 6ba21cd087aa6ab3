/**
 * Scenario files for `estimate --scenario`: several functions (possibly in several regions and
 * architectures) priced as one account. JSON, or YAML for .yaml/.yml. Every problem is one
 * UsageError naming the file and the field.
 *
 * ```yaml
 * freeTier: true                # optional; --no-free-tier always wins
 * functions:
 *   - name: api
 *     region: eu-west-1         # optional: --region, $AWS_REGION, us-east-1
 *     architecture: arm64       # optional: --arch, x86_64
 *     memoryMb: 1536
 *     requests: 3M              # on-demand invocations a month: number or "3M", "500k"
 *     duration: 120ms           # number of ms or "120ms", "1.5s"
 *     ephemeralStorageMb: 1024  # optional
 *     coldStartRate: 0.02       # optional, with initDuration
 *     initDuration: 400ms
 *     provisioned: { concurrency: 5, hours: 730, requests: 1M, duration: 80ms }  # optional
 * ```
 */
import { readFileSync } from "node:fs";
import * as z from "zod/mini";
import { UsageError } from "../../core/errors.js";
import type { Architecture, FunctionUsage } from "../../core/pricing/types.js";
import { describeIssues, formatPath } from "../../core/pricing/validation-issues.js";
import { parseCount, parseDurationMs } from "../parse.js";

const count = z.union([z.number().check(z.gte(0)), z.string()], {
  error: 'must be a count ≥ 0: a number or text such as "3M", "500k"',
});
const duration = z.union([z.number().check(z.gte(0)), z.string()], {
  error: 'must be a duration ≥ 0: a number of ms or text such as "120ms", "1.5s"',
});

/** A whole number within [min, max], with one message for every way of missing it. */
function intRange(min: number, max: number) {
  const error = `must be a whole number from ${min} to ${max}`;
  return z.int({ error }).check(z.gte(min, { error }), z.lte(max, { error }));
}

const functionSchema = z.strictObject({
  name: z.optional(z.string().check(z.minLength(1))),
  region: z.optional(z.string()),
  architecture: z.optional(z.enum(["x86_64", "arm64"])),
  memoryMb: intRange(128, 10_240),
  requests: count,
  duration,
  ephemeralStorageMb: z.optional(intRange(512, 10_240)),
  coldStartRate: z.optional(
    z.number({ error: "must be a number from 0 to 1" }).check(z.gte(0), z.lte(1)),
  ),
  initDuration: z.optional(duration),
  provisioned: z.optional(
    z.strictObject({
      concurrency: intRange(1, 1_000_000),
      hours: z.optional(
        z.number({ error: "must be a number of hours from 0 to 744" }).check(z.gte(0), z.lte(744)),
      ),
      requests: z.optional(count),
      duration: z.optional(duration),
    }),
  ),
});

const scenarioSchema = z.strictObject({
  freeTier: z.optional(z.boolean()),
  functions: z.array(functionSchema).check(z.minLength(1)),
});

export interface Scenario {
  freeTier: boolean | undefined;
  usages: FunctionUsage[];
}

/** Runs a flag parser on a file value, turning its complaint into one naming the field. */
function convert(value: number | string, parse: (raw: string) => number, where: string): number {
  if (typeof value === "number") return value;
  try {
    return parse(value);
  } catch (error) {
    throw new UsageError(`${where} ${(error as Error).message}`);
  }
}

function readScenarioText(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === "ENOENT"
        ? "no such file"
        : code === "EISDIR"
          ? "is a directory"
          : (code ?? "unreadable");
    throw new UsageError(`--scenario ${file}: cannot read it (${why})`);
  }
}

async function parseScenarioText(file: string, text: string): Promise<unknown> {
  const isYaml = /\.ya?ml$/i.test(file);
  try {
    if (!isYaml) return JSON.parse(text);
    // YAML is parsed only when a YAML file is given: the library is not needed otherwise.
    const yaml = await import("yaml");
    // Bundled, the CommonJS build of `yaml` arrives as a default export.
    const parse = yaml.parse ?? (yaml as unknown as { default: typeof yaml }).default.parse;
    return parse(text);
  } catch (error) {
    const first = (error as Error).message.split("\n")[0];
    throw new UsageError(`--scenario ${file}: not valid ${isYaml ? "YAML" : "JSON"} (${first})`);
  }
}

/**
 * Reads and validates a scenario file. `defaults` fill a function's region and architecture
 * when it names none.
 */
export async function loadScenario(
  file: string,
  defaults: { region: string; architecture: Architecture },
): Promise<Scenario> {
  const json = await parseScenarioText(file, readScenarioText(file));
  const result = scenarioSchema.safeParse(json, { jitless: true });
  if (!result.success) {
    throw new UsageError(`--scenario ${file}: ${describeIssues(result.error.issues, json)}`);
  }
  const usages = result.data.functions.map((fn, index): FunctionUsage => {
    const at = (field: string) => `--scenario ${file}: ${formatPath(["functions", index, field])}`;
    if (fn.coldStartRate !== undefined && fn.initDuration === undefined) {
      throw new UsageError(`${at("initDuration")} must be given with coldStartRate`);
    }
    if (fn.initDuration !== undefined && fn.coldStartRate === undefined) {
      throw new UsageError(`${at("coldStartRate")} must be given with initDuration`);
    }
    const averageDurationMs = convert(fn.duration, parseDurationMs, at("duration"));
    const pc = fn.provisioned;
    return {
      name: fn.name ?? `function ${index + 1}`,
      region: fn.region ?? defaults.region,
      architecture: fn.architecture ?? defaults.architecture,
      memoryMb: fn.memoryMb,
      monthlyRequests: convert(fn.requests, parseCount, at("requests")),
      averageDurationMs,
      ephemeralStorageMb: fn.ephemeralStorageMb,
      coldStartRate: fn.coldStartRate,
      initDurationMs:
        fn.initDuration === undefined
          ? undefined
          : convert(fn.initDuration, parseDurationMs, at("initDuration")),
      provisioned: pc && {
        concurrency: pc.concurrency,
        hoursPerMonth: pc.hours ?? 730,
        requests:
          pc.requests === undefined
            ? 0
            : convert(pc.requests, parseCount, `${at("provisioned")}.requests`),
        averageDurationMs:
          pc.duration === undefined
            ? averageDurationMs
            : convert(pc.duration, parseDurationMs, `${at("provisioned")}.duration`),
      },
    };
  });
  return { freeTier: result.data.freeTier, usages };
}
