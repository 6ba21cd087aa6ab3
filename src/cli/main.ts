#!/usr/bin/env node
/** The bin entry. Everything else lives in program.ts so it can be imported without running. */
import type { ConfigError } from "../core/errors.js";
import { onFirstUse, standardError, standardOutput } from "./io.js";
import { runCli } from "./program.js";

// The AWS SDK warns on Node 20 that it will drop it; lambda-cost states its own floor
// (package.json engines), so the SDK's notice would only repeat it on every run.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
// Neither stream is made unless something uses it (io.ts, fd-output.ts): what the commands
// print goes straight to the descriptor when it is not a terminal. Once code makes a stream,
// all later output of that descriptor goes through it, so nothing overtakes what it holds.
// A reader that has gone (`| head`) ends the output quietly; standard output that cannot be
// written (a full disk) is said in one line and ends the run with 2, once the command is done
// (tune still puts the function back).
let outputError: ConfigError | undefined;
/** Whether runCli has returned (its code is then the process's). */
let settled = false;
onFirstUse("stdout", (stream) => {
  standardOutput.useStream();
  stream.on("error", (error) => {
    const failure = standardOutput.streamFailed(error);
    if (failure === undefined || outputError !== undefined) return;
    outputError = failure;
    standardError.write(`lambda-cost: ${failure.message}\n`);
    if (settled) process.exitCode = failure.exitCode;
  });
});
onFirstUse("stderr", (stream) => {
  standardError.useStream();
  stream.on("error", (error) => standardError.streamFailed(error));
});

// Not a top-level await: the bin is bundled as CommonJS (scripts/bundle-cli.mjs), which starts
// faster. A run that never settles (the event loop empties while it waits) would then end with
// 0, as if it had succeeded (with top-level await Node ended it with its own 13); it is our bug,
// so it ends with 3 like every other unexpected error (docs/cli.md, exit codes).
process.on("exit", (code) => {
  if (settled || code !== 0) return;
  standardError.write(
    "lambda-cost: unexpected error — the command stopped with nothing left to wait for; please report it with the command you ran.\n",
  );
  process.exitCode = 3;
});
runCli(process.argv.slice(2)).then((code) => {
  settled = true;
  process.exitCode = code === 0 && outputError !== undefined ? outputError.exitCode : code;
});
