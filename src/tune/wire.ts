/**
 * Wires `tune` for the command line: the AWS target (or the emulator via --endpoint-url), the
 * price table, the pure core, the journal directory, CloudWatch for the monthly volume, a
 * renderers. Prints nothing itself: progress and notices go through the CLI's callbacks; it
 * returns the text to print (and an error to exit with after printing, when no size worked).
 */
import { CloudWatchClient } from "@aws-sdk/client-cloudwatch";
import { readMonthlyMetrics } from "../aws/cloudwatch-metrics.js";
import { type AwsConnection, sdkClientConfig } from "../aws/connection.js";
import { createLambdaTuningTarget } from "../aws/lambda-tuning-target.js";
import type { TuneFlags } from "../cli/commands/tune.js";
import { CheckFailedError } from "../core/errors.js";
import { loadLambdaPriceTable } from "../data/lambda-prices.js";
import { createTuneCore } from "./core-wiring.js";
import { defaultJournalDir } from "./journal.js";
import type { WeightedPayload } from "./payloads.js";
import { renderRecovered, renderTuneOutcome } from "./render.js";
import { renderPlan } from "./render-plan.js";
import { runTune } from "./run-tune.js";

export interface WireInput {
  functionName: string;
  flags: TuneFlags;
  payloads: WeightedPayload[];
  region: string;
  abortSignal: AbortSignal;
  confirm(question: string): Promise<boolean>;
  /** Where progress goes (a bar on a terminal, nothing otherwise): the CLI decides. */
  progress: TuneProgress;
  /** Prints one line about a change made or undone (the CLI writes it to stderr). */
  notify(line: string): void;
}

/** What the run reports as it goes; the CLI draws it. */
export interface TuneProgress {
  update(event: { total?: number; done?: number }): void;
  stop(): void;
}

/** The text to print and, when no size worked, the error to exit with after printing it. */
export interface WireOutput {
  text: string;
  failure?: CheckFailedError | undefined;
}

export async function wireTune(input: WireInput): Promise<WireOutput> {
  const { flags } = input;
  const connection: AwsConnection = {
    region: input.region,
    profile: flags.profile,
    endpointUrl: flags.endpointUrl,
  };
  const target = createLambdaTuningTarget({ connection, functionName: input.functionName });
  const core = createTuneCore(loadLambdaPriceTable());
  const { progress, notify } = input;
  try {
    const outcome = await runTune(
      {
        sizesMb: flags.sizes,
        invocations: flags.invocations,
        maxInvocations: flags.maxInvocations,
        concurrency: flags.concurrency,
        payloads: input.payloads,
        strategy: {
          strategy: flags.strategy,
          balancedWeight: flags.balancedWeight,
          maxDurationMs: flags.maxDuration,
          equivalenceMargin: flags.equivalenceMargin,
        },
        trim: flags.trim,
        monthlyInvocations: flags.monthlyInvocations,
        apply: flags.apply === true,
        alias: flags.alias,
        dryRun: flags.dryRun === true,
        recover: flags.recover === true,
      },
      {
        target,
        core,
        journalDir: defaultJournalDir(),
        abortSignal: input.abortSignal,
        notify,
        confirm: flags.yes
          ? async () => true
          : async (question) => {
              progress.stop(); // the question needs the line the bar is drawing on
              return input.confirm(question);
            },
        monthlyInvocations: (snapshot) =>
          lastThirtyDaysInvocations(connection, snapshot.functionName),
        onProgress: progress.update,
      },
    );
    progress.stop();
    if (outcome.kind === "plan") return { text: renderPlan(outcome.plan, flags.format) };
    if (outcome.kind === "recovered") {
      return { text: renderRecovered(outcome.functionName, outcome.recovered, flags.format) };
    }
    const text = await renderTuneOutcome(outcome.result, flags);
    if (outcome.result.analysis.recommendation === null) {
      return {
        text,
        failure: new CheckFailedError(
          "no memory size worked (every size failed or was excluded); see each size's reason.",
        ),
      };
    }
    return { text };
  } finally {
    progress.stop();
  }
}

/** Sum of Invocations over the last 30 days, or undefined when CloudWatch cannot be read. */
async function lastThirtyDaysInvocations(
  connection: AwsConnection,
  functionName: string,
): Promise<number | undefined> {
  const client = new CloudWatchClient(sdkClientConfig({ ...connection, maxAttempts: 2 }));
  try {
    const end = new Date(Math.floor(Date.now() / 86_400_000) * 86_400_000);
    const start = new Date(end.getTime() - 30 * 86_400_000);
    const metrics = await readMonthlyMetrics(client, {
      region: connection.region,
      functionNames: [functionName],
      start,
      end,
    });
    const count = metrics.sums.get(functionName)?.invocations.toNumber();
    return count && count > 0 ? count : undefined;
  } catch {
    return undefined;
  } finally {
    client.destroy();
  }
}
