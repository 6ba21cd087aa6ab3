/**
 * The run behind `lambda-cost advise`: check the input (exit 2 before any AWS call), assemble
 * the AWS source, the advise service and a renderer, print the scan estimate before any Logs
 * Insights query (refusing above --max-scan-gb), print the result, exit 1 on partial failures.
 */
import { functionNameMatcher } from "../../core/advice/name-filter.js";
import type { AdviceWindow } from "../../core/advice/types.js";
import { CheckFailedError, UsageError } from "../../core/errors.js";
import { adviseRenderers } from "../../output/advise.js";
import { loadLambdaPriceTable } from "../../prices/lambda-prices.js";
import { resolveAwsCommandSettings } from "../common-options.js";
import type { CliIo } from "../io.js";
import { emitOutput, prepareOut } from "../out-file.js";
import { resolveRegionsFlag } from "../regions-flag.js";
import { outputWidth } from "../terminal.js";
import type { AdviseFlags } from "./advise.js";
import { scanEstimateLine } from "./advise-scan-line.js";

const DAY_MS = 86_400_000;

/** `days` whole UTC days ending at the start of `until` (default: today). */
export function adviceWindow(days: number, until: string | undefined, now: Date): AdviceWindow {
  const endMs = until
    ? Date.parse(`${until}T00:00:00Z`)
    : Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  if (endMs > now.getTime()) {
    throw new UsageError(
      `--until ${until}: that day has not started yet (UTC); use today or an earlier day.`,
    );
  }
  const startMs = endMs - days * DAY_MS;
  // CloudWatch takes times from 1970 on (StartQuery refuses a negative startTime).
  if (startMs < 0) {
    throw new UsageError(
      `--until ${until} with --days ${days} starts the window before 1970-01-01; use a later --until or fewer --days.`,
    );
  }
  return { start: new Date(startMs), end: new Date(endMs), days };
}

export async function runAdvise(flags: AdviseFlags, io: CliIo, now: Date) {
  const window = adviceWindow(flags.days, flags.until, now);
  if (flags.out !== undefined) prepareOut(flags.out, `advice.${flags.format}`);
  const settings = await resolveAwsCommandSettings({ profile: flags.profile }, io.env);
  const table = loadLambdaPriceTable();
  const regions = resolveRegionsFlag(flags.regions, settings.region, table);
  const [{ runAdvise: advise }, { createAwsAdviceSource }] = await Promise.all([
    import("../../advise/run-advise.js"),
    import("../../aws/advice-source.js"),
  ]);
  const source = createAwsAdviceSource({
    connection: { profile: settings.profile, endpointUrl: flags.endpointUrl, maxAttempts: 6 },
  });
  let result: Awaited<ReturnType<typeof advise>>;
  try {
    result = await advise({
      source,
      regions,
      window,
      table,
      includeFunction: functionNameMatcher(flags.functions),
      minInvocations: flags.minInvocations,
      freeTier: flags.freeTier,
      beforeQueries: (estimate) => {
        const gb = estimate.bytes / 1024 ** 3;
        io.stderr(scanEstimateLine(estimate));
        if (gb > flags.maxScanGb) {
          throw new UsageError(
            `the Logs Insights queries would scan about ${gb.toFixed(3)} GB, over --max-scan-gb ${flags.maxScanGb}; raise it (--max-scan-gb ${Math.ceil(gb)}) or narrow the scan with --functions or --days. Nothing was queried.`,
          );
        }
      },
    });
  } finally {
    source.close();
  }
  const render = await adviseRenderers[flags.format]();
  const text = render(result, {
    maxWidth: flags.out || flags.format !== "table" ? Number.POSITIVE_INFINITY : outputWidth(),
  });
  emitOutput(text, flags.out, io);
  if (result.failures.length > 0) {
    const named = result.failures.map((f) => `${f.region} (${f.what})`).join(", ");
    throw new CheckFailedError(
      `part of the scan failed: ${named}; the advice covers the rest (see the output).`,
    );
  }
}
