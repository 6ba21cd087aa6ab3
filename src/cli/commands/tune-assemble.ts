/**
 * Wires `tune` for the command line: the AWS target (or the emulator via --endpoint-url), the
 * price table, the pure core, the journal directory, CloudWatch for the monthly volume, a
 * renderers. Prints nothing itself: progress, notices and the result go through the CLI's
 * callbacks. With --apply the result is printed before the question that asks about it.
 */
import { lastThirtyDaysInvocations } from "../../aws/cloudwatch-metrics.js";
import type { AwsConnection } from "../../aws/connection.js";
import { createLambdaTuningTarget } from "../../aws/lambda-tuning-target.js";
import { CheckFailedError } from "../../core/errors.js";
import { createTuningEngine } from "../../core/tuning/engine.js";
import type { PutBackResult } from "../../core/tuning/run-outcome.js";
import { renderTune } from "../../output/tune.js";
import { renderPlan } from "../../output/tune-plan.js";
import { renderRecovered } from "../../output/tune-recovered.js";
import { loadLambdaPriceTable } from "../../prices/lambda-prices.js";
import { defaultJournalDir } from "../../tune/journal.js";
import type { WeightedPayload } from "../../tune/payloads.js";
import { reportingCalls } from "../../tune/progress-target.js";
import { runTune } from "../../tune/run-tune.js";
import type { TuneRunResult } from "../../tune/run-types.js";
import { toTuneResult } from "../../tune/tune-result.js";
import type { TuneFlags } from "./tune.js";

export interface TuneCommandInput {
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
  /** Prints the result (stdout or --out); called once, before any --apply question. */
  emit(text: string): Promise<void>;
  /** The widest line the table format may print (Infinity for a pipe or a file). */
  maxWidth: number;
}

/** What the run reports as it goes; the CLI draws it. */
export interface TuneProgress {
  /** `phase` says what the run is doing; `total` adds a batch of invocations; `done` counts them. */
  update(event: { phase?: string; total?: number; done?: number }): void;
  stop(): void;
}

/** When no size worked, the error to exit with after the result was printed. */
export interface TuneCommandOutcome {
  failure?: CheckFailedError | undefined;
}

export async function assembleAndRunTune(input: TuneCommandInput): Promise<TuneCommandOutcome> {
  const { flags } = input;
  const connection: AwsConnection = {
    region: input.region,
    profile: flags.profile,
    endpointUrl: flags.endpointUrl,
  };
  const { progress, notify } = input;
  const target = reportingCalls(
    createLambdaTuningTarget({ connection, functionName: input.functionName }),
    (phase) => progress.update({ phase }),
  );
  const engine = createTuningEngine(loadLambdaPriceTable());
  let printed = false;
  const show = async (run: TuneRunResult) => {
    progress.stop();
    printed = true;
    await input.emit(
      await renderTune(flags.format, toTuneResult(run, flags), { maxWidth: input.maxWidth }),
    );
  };
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
        force: flags.force === true,
        maxThrottleWaitMs: flags.maxThrottleWait,
        architectures: flags.arch,
        codeBucket: flags.codeBucket,
      },
      {
        target,
        engine,
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
        beforeApply: show,
      },
    );
    progress.stop();
    if (outcome.kind === "plan") {
      await input.emit(renderPlan(outcome.plan, flags.format));
      return {};
    }
    if (outcome.kind === "recovered") {
      await input.emit(renderRecovered(outcome.functionName, outcome.recovered, flags.format));
      const notBack = outcome.recovered && !outcome.recovered.restored;
      // The result above already says whose each field is: the exit line does not repeat it.
      return notBack
        ? {
            failure: new CheckFailedError(
              `${outcome.functionName} is not exactly as found (see above).`,
            ),
          }
        : {};
    }
    if (!printed) await show(outcome.result);
    if (!outcome.result.restored) {
      return { failure: new CheckFailedError(notAsFound(outcome.result.cleanup)) };
    }
    if (outcome.result.analysis.recommendation === null) {
      return {
        failure: new CheckFailedError(
          "no memory size worked (every size failed or was excluded); see each size's reason.",
        ),
      };
    }
    return {};
  } finally {
    progress.stop();
  }
}

/** Exit 1 whenever the function is not exactly as found, saying whose each field is. */
function notAsFound(cleanup: PutBackResult): string {
  const what = cleanup.foreignChange ?? "the function is not exactly as found";
  return cleanup.journalKept
    ? what
    : `${what} (tune's own fields are back; nothing left to recover).`;
}
