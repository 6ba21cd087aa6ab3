/**
 * The body of `lambda-cost tune`, loaded lazily by ./tune.ts: checks every input before any
 * AWS call, wires the runner to AWS (or the emulator via --endpoint-url), turns Ctrl-C and
 * SIGTERM into "put the function back, then exit 130 / 143", shows progress on a terminal, prints.
 */
import { createInterface } from "node:readline/promises";
import { parseLambdaArn } from "../../aws/arn.js";
import { CheckFailedError, UsageError } from "../../core/errors.js";
import { writeOutputSync } from "../../fs/output-target.js";
import { resolveAwsCommandSettings } from "../common-options.js";
import { prepareOut, writeFailure } from "../out-file.js";
import { createStatusLine } from "../progress-bar.js";
import { outputWidth } from "../terminal.js";
import type { TuneFlags } from "./tune.js";
import { loadPayloads } from "./tune-payloads.js";

export async function runTuneCommand(functionName: string, flags: TuneFlags): Promise<void> {
  // Every check that can fail on input runs here, before a client exists: bad input changes
  // nothing and sends nothing.
  if (flags.alias && !flags.apply)
    throw new UsageError(
      "--alias needs --apply (it names the alias --apply points at the new version).",
    );
  if (flags.payload !== undefined && flags.payloads !== undefined) {
    throw new UsageError("use either --payload or --payloads, not both.");
  }
  if (flags.apply && flags.dryRun)
    throw new UsageError("--apply and --dry-run contradict each other; pick one.");
  if (flags.force && !flags.recover) {
    throw new UsageError(
      "--force only goes with --recover (it recovers a run that cannot be verified as dead).",
    );
  }
  if (flags.recover && (flags.apply || flags.dryRun)) {
    throw new UsageError("--recover only puts a function back; it takes no --apply or --dry-run.");
  }
  if (flags.format === "html" && (flags.dryRun || flags.recover)) {
    throw new UsageError(
      `--format html draws a tuning result; ${flags.dryRun ? "--dry-run" : "--recover"} prints as table, json or csv.`,
    );
  }
  if (flags.apply && !flags.yes && !process.stdin.isTTY) {
    throw new UsageError(
      "--apply asks for confirmation but stdin is not a terminal; add --yes to apply without asking.",
    );
  }
  const payloads = loadPayloads(flags.payload, flags.payloads);
  if (!functionName.trim())
    throw new UsageError("the function name is empty; give a function name or ARN.");

  // A paid run must never be lost to an unwritable --out: check it before any AWS call.
  if (flags.out !== undefined) prepareOut(flags.out, "tune.json");
  const settings = await resolveAwsCommandSettings(flags, process.env);
  const region = regionOf(functionName) ?? settings.region;
  const { assembleAndRunTune } = await import("./tune-assemble.js");
  // The status line is drawn from here on; everything else printed during the run goes
  // through progress.write so that the two never overlap.
  const progress = createStatusLine();
  const notify = (line: string) => progress.write(process.stderr, `lambda-cost: ${line}\n`);
  const controller = new AbortController();
  let signals = 0;
  const recoverCmd = `lambda-cost tune ${functionName} --recover --region ${region}`;
  const onSignal = (name: NodeJS.Signals) => {
    signals += 1;
    if (signals === 1) {
      progress.write(
        process.stderr,
        `lambda-cost: ${name}: stopping and putting ${functionName} back first (press Ctrl-C twice more to quit at once and leave it for --recover)…\n`,
      );
      controller.abort(new Error(name));
    } else if (signals >= 3) {
      progress.stop();
      process.stderr.write(
        `lambda-cost: quitting without cleanup; run \`${recoverCmd}\` to put ${functionName} back.\n`,
      );
      // 128 + the signal number, as shells report it: 130 for SIGINT, 143 for SIGTERM.
      process.exit(name === "SIGTERM" ? 143 : 130);
    }
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  try {
    const { failure } = await assembleAndRunTune({
      functionName,
      flags,
      payloads,
      region,
      abortSignal: controller.signal,
      confirm,
      progress,
      notify,
      emit: async (text) => writeOutput(text, flags.out),
      maxWidth: flags.out ? Number.POSITIVE_INFINITY : outputWidth(),
    });
    if (failure) throw failure;
  } finally {
    progress.stop();
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
}

/** A function ARN carries its region; it wins over --region (as the AWS CLI does). */
function regionOf(nameOrArn: string): string | undefined {
  return parseLambdaArn(nameOrArn)?.region;
}

async function confirm(question: string): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await rl.question(`${question} [y/N] `);
    return /^y(es)?$/i.test(answer.trim());
  } finally {
    rl.close();
  }
}

/** Writes the result; if --out fails anyway, the result still reaches stdout (exit 1). */
function writeOutput(text: string, out: string | undefined): void {
  const body = text.endsWith("\n") ? text : `${text}\n`;
  if (!out) {
    process.stdout.write(body);
    return;
  }
  try {
    writeOutputSync(out, body);
  } catch (error) {
    process.stdout.write(body);
    throw new CheckFailedError(
      `could not write ${out} (${writeFailure(error)}); the result above went to stdout instead.`,
      { cause: error },
    );
  }
  process.stderr.write(`lambda-cost: wrote ${out}\n`);
}
