/**
 * Finds the runnable examples in the README and docs/: every ```console block, each command a
 * line starting with `$ lambda-cost` (continued by a trailing `\`), its expected terminal output
 * the lines up to the next `$ ` line or the end of the block. A last output line `# exit N` states
 * the expected exit code (0 when absent).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

export interface DocExample {
  file: string;
  /** 1-based line of the `$ lambda-cost` line in the file. */
  line: number;
  /** The command as a user types it, continuation lines joined. */
  command: string;
  /** The output lines as written, without the `# exit N` line. */
  expected: string[];
  expectedExitCode: number;
  /** Where the expected lines sit in the file (0-based, end exclusive), for rewriting. */
  outputStart: number;
  outputEnd: number;
}

const EXIT_LINE = /^# exit (\d+)$/;

export function docFiles(root: string): string[] {
  const docs = readdirSync(join(root, "docs"))
    .filter((name) => name.endsWith(".md"))
    .sort()
    .map((name) => join("docs", name));
  return ["README.md", ...docs];
}

export function parseDocExamples(file: string, text: string): DocExample[] {
  const lines = text.split("\n");
  const examples: DocExample[] = [];
  let inConsole = false;
  let current: DocExample | undefined;
  const finish = (end: number) => {
    if (!current) return;
    current.outputEnd = end;
    const body = lines.slice(current.outputStart, end);
    const exit = body.length > 0 ? EXIT_LINE.exec(body[body.length - 1] ?? "") : null;
    current.expected = exit ? body.slice(0, -1) : body;
    current.expectedExitCode = exit ? Number(exit[1]) : 0;
    examples.push(current);
    current = undefined;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (!inConsole) {
      if (line.trim() === "```console") inConsole = true;
      continue;
    }
    if (line.trim() === "```") {
      finish(i);
      inConsole = false;
      continue;
    }
    if (!line.startsWith("$ ")) continue;
    finish(i);
    let command = line.slice(2);
    const start = i;
    while (command.endsWith("\\") && i + 1 < lines.length) {
      i += 1;
      command = `${command.slice(0, -1).trimEnd()} ${(lines[i] ?? "").trim()}`;
    }
    if (!command.startsWith("lambda-cost ")) continue;
    current = {
      file,
      line: start + 1,
      command,
      expected: [],
      expectedExitCode: 0,
      outputStart: i + 1,
      outputEnd: i + 1,
    };
  }
  return examples;
}

export function readDocExamples(root: string): DocExample[] {
  return docFiles(root).flatMap((file) =>
    parseDocExamples(file, readFileSync(join(root, file), "utf8")),
  );
}

/** What the comparison ignores: trailing spaces on a line and trailing blank lines. */
export function normaliseOutput(lines: readonly string[]): string {
  const trimmed = lines.map((l) => l.trimEnd());
  while (trimmed.length > 0 && trimmed[trimmed.length - 1] === "") trimmed.pop();
  return trimmed.join("\n");
}
