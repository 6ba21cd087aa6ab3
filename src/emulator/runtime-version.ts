/**
 * The managed runtime version a function runs on, as Lambda names it in `INIT_START Runtime
 * Version: python:3.13.v14\tRuntime Version ARN: arn:aws:lambda:eu-south-1::runtime:<64 hex>`
 * and in `RuntimeVersionConfig.RuntimeVersionArn` (Lambda developer guide, "Identifying runtime
 * version changes"). The ARN has no account and ends in a 64-hex-digit id; the emulator derives
 * that id from the version name, so every function on one runtime shares it, as on AWS.
 */
import { createHash } from "node:crypto";

/** The version every emulated runtime reports (AWS's numbers differ per runtime and change). */
const VERSION = "v42";

/** `nodejs20.x` → `nodejs:20.v42`, `python3.13` → `python:3.13.v42`, `provided.al2023` → `provided:al2023.v42`. */
export function runtimeVersion(runtime: string): string {
  const match = /^([a-z]+)(\d[\d.]*?)(?:\.x)?$/.exec(runtime) ?? /^([a-z]+)\.(\w+)$/.exec(runtime);
  return match ? `${match[1]}:${match[2]}.${VERSION}` : `${runtime}.${VERSION}`;
}

export function runtimeVersionArn(region: string, runtime: string): string {
  const id = createHash("sha256").update(runtimeVersion(runtime)).digest("hex");
  return `arn:aws:lambda:${region}::runtime:${id}`;
}
