/**
 * The tune progress bar: cli-progress on stderr when stderr is a terminal, nothing otherwise.
 * Notices printed while the bar is drawn go on a fresh line first.
 */
import type { TuneProgress } from "../tune/wire.js";

export interface ProgressBar extends TuneProgress {
  /** Writes a line without tearing the bar. */
  interrupt(write: () => void): void;
}

export async function createProgressBar(): Promise<ProgressBar> {
  if (!process.stderr.isTTY) {
    return { update() {}, interrupt: (write) => write(), stop() {} };
  }
  const { SingleBar, Presets } = (await import("cli-progress")).default;
  const bar = new SingleBar(
    {
      stream: process.stderr,
      format: "tuning {bar} {value}/{total} invocations",
      hideCursor: true,
      clearOnComplete: true,
    },
    Presets.shades_classic,
  );
  let started = false;
  let total = 0;
  return {
    update(event) {
      if (event.total !== undefined) {
        total += event.total;
        if (!started) bar.start(total, 0);
        else bar.setTotal(total);
        started = true;
      }
      if (event.done !== undefined && started) bar.update(event.done);
    },
    interrupt(write) {
      if (started) process.stderr.write("\n");
      write();
    },
    stop() {
      if (started) bar.stop();
      started = false;
    },
  };
}
