/**
 * Which managed runtimes run on arm64 (Graviton). Every runtime runs on x86_64; these older
 * ones run only there: the Amazon Linux 1 runtimes (`go1.x`, `provided`, `java8`) and the
 * versions retired before arm64 support arrived in 2021. Sources, read 2026-12-01: AWS Lambda
 * developer guide, "Selecting and configuring an instruction set architecture"
 * (https://docs.aws.amazon.com/lambda/latest/dg/foundation-arch.html), "Building Lambda
 * functions with Go" (https://docs.aws.amazon.com/lambda/latest/dg/lambda-golang.html: go1.x
 * has no arm64; provided.al2 and provided.al2023 do) and the runtime tables of the AWS Toolkit
 * for JetBrains (https://docs.aws.amazon.com/toolkit-for-jetbrains/latest/userguide/lambda-runtimes.html:
 * python3.7 and java8 x86_64 only).
 */
import type { Architecture } from "./pricing/types.js";

const X86_ONLY = new Set([
  "go1.x",
  "provided",
  "java8",
  "python2.7",
  "python3.6",
  "python3.7",
  "nodejs",
  "nodejs4.3",
  "nodejs4.3-edge",
  "nodejs6.10",
  "nodejs8.10",
  "nodejs10.x",
  "dotnetcore1.0",
  "dotnetcore2.0",
  "dotnetcore2.1",
  "ruby2.5",
]);

/**
 * Whether a runtime can run on an architecture; `undefined` (an image: it brings its own) is
 * decided by the image's manifest instead.
 * @example runtimeSupports("go1.x", "arm64") // false
 */
export function runtimeSupports(runtime: string | undefined, architecture: Architecture): boolean {
  if (architecture === "x86_64" || runtime === undefined) return true;
  return !X86_ONLY.has(runtime);
}
