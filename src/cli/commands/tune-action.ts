/**
 * The body of `lambda-cost tune`, loaded lazily by ./tune.ts: checks every input before any
 * AWS call, wires the runner to AWS (or the emulator via --endpoint-url), turns Ctrl-C and
 * SIGTERM into "put the function back, then exit 130", shows progress on a terminal, prints.
 */
import { createInterface } from "node:readline/promises";
import { UsageError } from "../../core/errors.js";
import { resolveAwsCommandSettings } from "../common-options.js";
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
  if (flags.recover && (flags.apply || flags.dryRun)) {
    throw new UsageError("--recover only puts a function back; it takes no --apply or --dry-run.");
  }
  if (flags.apply && !flags.yes && !process.stdin.isTTY) {
    throw new UsageError(
      "--apply asks for confirmation but stdin is not a terminal; add --yes to apply without asking.",
    );
  }
  const payloads = loadPayloads(flags.payload, flags.payloads);
  if (!functionName.trim())
    throw new UsageError("the function name is empty; give a function name or ARN.");

  const settings = await resolveAwsCommandSettings(flags, process.env);
  const region = regionOf(functionName) ?? settings.region;
  const { wireTune } = await import("../../tune/wire.js");
  // The status line is drawn from here on; everything else printed during the run goes
  // through progress.write so that the two never overlap.
  const progress = createStatusLine();
  const notify = (line: string) => progress.write(process.stderr, `lambda-cost: ${line}\n`);
  const controller = new AbortController();
  let signals = 0;
  const onSignal = (name: NodeJS.Signals) => {
    signals += 1;
    if (signals === 1) {
      progress.write(
        process.stderr,
        `lambda-cost: ${name}: stopping and putting the function back first (press Ctrl-C twice more to quit at once and leave it for --recover)…\n`,
      );
      controller.abort(new Error(name));
    } else if (signals >= 3) {
      progress.stop();
      process.stderr.write(
        "lambda-cost: quitting without cleanup; run `lambda-cost tune <function> --recover` to put the function back.\n",
      );
      process.exit(130);
    }
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  try {
    const { failure } = await wireTune({
      functionName,
      flags,
      payloads,
      region,
      abortSignal: controller.signal,
      confirm,
      progress,
      notify,
      emit: (text) => writeOutput(text, flags.out),
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
  return /^arn:aws[\w-]*:lambda:([\w-]+):/.exec(nameOrArn)?.[1];
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

async function writeOutput(text: string, out: string | undefined): Promise<void> {
  const body = text.endsWith("\n") ? text : `${text}\n`;
  if (!out) {
    process.stdout.write(body);
    return;
  }
  const { writeFileSync, renameSync } = await import("node:fs");
  const temp = `${out}.${process.pid}.tmp`;
  writeFileSync(temp, body);
  renameSync(temp, out);
  process.stderr.write(`lambda-cost: wrote ${out}\n`);
}
