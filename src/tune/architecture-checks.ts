/**
 * Before `tune --arch` changes anything: which of the asked architectures the function can run
 * on. Read-only checks — the runtime's support (core/lambda-runtimes.ts), every layer's
 * CompatibleArchitectures (GetLayerVersion), an image's manifest list (ECR BatchGetImage) —
 * and an architecture that fails one is skipped with its reason. The function's own
 * architecture always runs.
 */
import { UsageError } from "../core/errors.js";
import { runtimeSupports } from "../core/lambda-runtimes.js";
import type { Architecture } from "../core/pricing/types.js";
import type { FunctionSnapshot, TuningTarget } from "../core/tuning/ports.js";
import type { SkippedArchitecture } from "../core/tuning/types.js";
import { DIRECT_UPLOAD_LIMIT_BYTES } from "./code-swap.js";

export interface ArchitecturePlan {
  /** In the order they will be measured: the function's own first. */
  measured: Architecture[];
  skipped: SkippedArchitecture[];
}

export async function checkArchitectures(
  target: TuningTarget,
  snap: FunctionSnapshot,
  requested: readonly Architecture[] | undefined,
  codeBucket: string | undefined,
): Promise<ArchitecturePlan> {
  const asked = [...new Set(requested ?? [snap.architecture])];
  const ordered = [
    ...asked.filter((a) => a === snap.architecture),
    ...asked.filter((a) => a !== snap.architecture),
  ];
  const measured: Architecture[] = [];
  const skipped: SkippedArchitecture[] = [];
  for (const architecture of ordered) {
    const reason =
      architecture === snap.architecture ? undefined : await whyNot(target, snap, architecture);
    if (reason) skipped.push({ architecture, reason });
    else measured.push(architecture);
  }
  if (measured.length === 0) {
    throw new UsageError(
      `${snap.functionName} cannot be measured on ${asked.join(" or ")}: ${skipped.map((s) => `${s.architecture}: ${s.reason}`).join("; ")}; tune changed nothing.`,
    );
  }
  const codeSize = Number(snap.configuration.CodeSize ?? 0);
  if (
    measured.some((a) => a !== snap.architecture) &&
    snap.packageType === "Zip" &&
    codeSize > DIRECT_UPLOAD_LIMIT_BYTES &&
    codeBucket === undefined
  ) {
    throw new UsageError(
      `${snap.functionName}'s code is ${(codeSize / 1_048_576).toFixed(1)} MB, over the 50 MB direct upload: give --code-bucket BUCKET (an S3 bucket in ${snap.region}) to stage it; tune changed nothing.`,
    );
  }
  return { measured, skipped };
}

async function whyNot(
  target: TuningTarget,
  snap: FunctionSnapshot,
  architecture: Architecture,
): Promise<string | undefined> {
  const code = target.code;
  if (!code) return "this target cannot change the function's code";
  if (!runtimeSupports(snap.runtime, architecture)) {
    return `the ${snap.runtime} runtime does not run on ${architecture}`;
  }
  for (const arn of snap.layerArns) {
    const supported = await code.layerArchitectures(arn);
    if (!supported.includes(architecture)) {
      return `layer ${arn} is compatible with ${supported.join(", ") || "no declared architecture"} only (its CompatibleArchitectures)`;
    }
  }
  if (snap.packageType === "Image") {
    const imageUri = snap.code?.imageUri;
    if (!imageUri)
      return "the function's image URI is unknown (GetFunction returned no Code.ImageUri)";
    const inImage = await code.imageArchitectures(imageUri);
    if (inImage === undefined) {
      return `image ${imageUri} is a single-architecture image (one manifest, not a manifest list): push a multi-architecture image to compare`;
    }
    if (!inImage.includes(architecture)) {
      return `image ${imageUri} has no linux/${architecture === "x86_64" ? "amd64" : "arm64"} manifest (it has ${inImage.join(", ")})`;
    }
  }
  return undefined;
}
