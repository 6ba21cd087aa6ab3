/**
 * The CPU and memory combinations Fargate accepts (AWS ECS developer guide, "Task CPU and memory",
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html): 0.25 vCPU with 0.5, 1 or 2 GB; 0.5 vCPU with 1–4 GB;
 * 1 vCPU with 2–8 GB; 2 vCPU with 4–16 GB; 4 vCPU with 8–30 GB (1 GB steps); 8 vCPU with
 * 16–60 GB (4 GB steps); 16 vCPU with 32–120 GB (8 GB steps).
 */
import { UsageError } from "../errors.js";
import { dec } from "../money/index.js";
import type { FargateTaskSize } from "./types.js";

interface CpuRow {
  vcpus: string;
  memoryGb: readonly string[];
  /** How the row is written in messages. */
  shown: string;
}

function range(from: number, to: number, step: number): string[] {
  const out: string[] = [];
  for (let gb = from; gb <= to; gb += step) out.push(String(gb));
  return out;
}

const ROWS: readonly CpuRow[] = [
  { vcpus: "0.25", memoryGb: ["0.5", "1", "2"], shown: "0.25vcpu-{0.5,1,2}gb" },
  { vcpus: "0.5", memoryGb: range(1, 4, 1), shown: "0.5vcpu-{1..4}gb" },
  { vcpus: "1", memoryGb: range(2, 8, 1), shown: "1vcpu-{2..8}gb" },
  { vcpus: "2", memoryGb: range(4, 16, 1), shown: "2vcpu-{4..16}gb" },
  { vcpus: "4", memoryGb: range(8, 30, 1), shown: "4vcpu-{8..30}gb" },
  { vcpus: "8", memoryGb: range(16, 60, 4), shown: "8vcpu-{16..60 by 4}gb" },
  { vcpus: "16", memoryGb: range(32, 120, 8), shown: "16vcpu-{32..120 by 8}gb" },
];

/** Every valid combination in one line, for error messages and --help. */
export const VALID_FARGATE_TASK_SIZES = ROWS.map((row) => row.shown).join(", ");

/** Every valid combination as a list (e.g. for tests and documentation). */
export function allFargateTaskSizes(): FargateTaskSize[] {
  return ROWS.flatMap((row) =>
    row.memoryGb.map((gb) => ({
      vcpus: dec(row.vcpus),
      memoryGb: dec(gb),
      label: `${row.vcpus}vcpu-${gb}gb`,
    })),
  );
}

/**
 * Parses "1vcpu-2gb" (also "0.25vcpu-512mb") into a valid Fargate task size, or throws a
 * UsageError that lists the valid ones.
 *
 * @example
 * parseFargateTaskSize("2vcpu-4gb"); // { vcpus: 2, memoryGb: 4, label: "2vcpu-4gb" }
 * parseFargateTaskSize("1vcpu-1gb"); // throws: … valid sizes: 0.25vcpu-{0.5,1,2}gb, …
 */
export function parseFargateTaskSize(raw: string): FargateTaskSize {
  const match = /^(\d+(?:\.\d+)?)\s*vcpu\s*[-_,/ ]\s*(\d+(?:\.\d+)?)\s*(gb|mb)$/i.exec(raw.trim());
  const invalid = () =>
    new UsageError(
      `--fargate-task "${raw}" is not a valid Fargate task size; valid sizes: ${VALID_FARGATE_TASK_SIZES}`,
    );
  if (!match) throw invalid();
  const vcpus = dec(match[1] ?? "0");
  const memoryGb =
    (match[3] ?? "gb").toLowerCase() === "mb"
      ? dec(match[2] ?? "0").div(1024)
      : dec(match[2] ?? "0");
  const row = ROWS.find((r) => dec(r.vcpus).equals(vcpus));
  if (!row?.memoryGb.some((gb) => dec(gb).equals(memoryGb))) throw invalid();
  return { vcpus, memoryGb, label: `${vcpus.toFixed()}vcpu-${memoryGb.toFixed()}gb` };
}
