// The emulator-in-a-child-process protocol of the report, report --org and advise benchmarks,
// so each measures its own memory without the emulator's. The child serves an emulator and
// answers "mark" (start counting CPU), "stats" (requests by action and CPU since the mark) and
// "close"; the parent forks it, learns its endpoint and marks the start of the run.
import { type ChildProcess, fork } from "node:child_process";

interface ServedEmulator {
  endpoint: string;
  requests(): Iterable<{ action: string }>;
  close(): Promise<void>;
}

/** In the child: answer the parent's messages about `emulator`, then tell it the endpoint. */
export function serveToParent(emulator: ServedEmulator): void {
  let cpuAtMark = process.cpuUsage();
  process.on("message", async (message) => {
    if (message === "mark") {
      cpuAtMark = process.cpuUsage();
      process.send?.({ marked: true });
    } else if (message === "stats") {
      const byAction: Record<string, number> = {};
      for (const r of emulator.requests()) byAction[r.action] = (byAction[r.action] ?? 0) + 1;
      const cpu = process.cpuUsage(cpuAtMark);
      process.send?.({ byAction, cpuMs: (cpu.user + cpu.system) / 1000 });
    } else if (message === "close") {
      await emulator.close();
      process.exit(0);
    }
  });
  // If the benchmark dies, do not linger as an orphan.
  process.on("disconnect", () => process.exit(0));
  process.send?.({ endpoint: emulator.endpoint });
}

export interface EmulatorChild {
  endpoint: string;
  child: ChildProcess;
  /** The child's next message. */
  // biome-ignore lint/suspicious/noExplicitAny: IPC messages are plain JSON from our own child.
  next(): Promise<any>;
}

/** In the parent: fork the child script at `path`, wait for its endpoint, and mark the start. */
export async function forkEmulatorChild(path: string, args: string[]): Promise<EmulatorChild> {
  const child = fork(path, args);
  // biome-ignore lint/suspicious/noExplicitAny: IPC messages are plain JSON from our own child.
  const next = () => new Promise<any>((resolve) => child.once("message", resolve));
  const { endpoint } = await next();
  child.send("mark");
  await next();
  // A failed run must not leave the emulator child behind.
  process.on("exit", () => child.kill());
  return { endpoint, child, next };
}
