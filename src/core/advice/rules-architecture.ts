/**
 * switch-to-arm64: the same GB-s at the arm64 price. Only where the code most likely runs
 * unchanged: a managed runtime whose language is interpreted or runs on a VM (Node.js, Python,
 * Ruby, Java, .NET), a zip package (an image is built for one architecture), no layers (a layer
 * may carry x86-only native code).
 */

import { formatCount } from "../money/index.js";
import type { RuleContext } from "./context.js";
import { billableReduction, durationRate, gbSeconds, monthlyFactor, usd } from "./rates.js";
import type { FunctionEvidence, Recommendation } from "./types.js";

const PORTABLE_RUNTIME = /^(nodejs|python|ruby|java|dotnet)/;

export function switchToArm64(fn: FunctionEvidence, ctx: RuleContext): Recommendation | undefined {
  if (fn.architecture !== "x86_64" || fn.packageType !== "Zip" || fn.layerCount > 0) {
    return undefined;
  }
  if (!fn.runtime || !PORTABLE_RUNTIME.test(fn.runtime)) return undefined;
  if (!ctx.table.regions[fn.region]?.architectures.arm64) return undefined;
  const monthlyGbSeconds = gbSeconds(fn.metrics.durationMsSum, fn.memoryMb).times(
    monthlyFactor(ctx.window),
  );
  const x86 = durationRate(ctx.table, fn.region, "x86_64");
  const arm = durationRate(ctx.table, fn.region, "arm64");
  const saving = billableReduction(monthlyGbSeconds, ctx.freeTier).times(x86.minus(arm));
  if (!saving.gt(0)) return undefined;
  return {
    kind: "switch-to-arm64",
    functionName: fn.functionName,
    region: fn.region,
    evidence: `${fn.runtime} on x86_64, zip, no layers; ${formatCount(monthlyGbSeconds, 0)} GB-s a month at ${x86.toString()} (x86_64) vs ${arm.toString()} (arm64) per GB-s, ${usd(saving)} a month if duration stays the same`,
    monthlySaving: { lower: saving, upper: saving },
    nextStep: `test it on arm64 first (native dependencies need arm64 builds; duration may change), then deploy with: aws lambda update-function-code --region ${fn.region} --function-name ${fn.functionName} --architectures arm64 --zip-file fileb://<arm64 build>`,
  };
}

/** For tests and docs: the runtimes switch-to-arm64 considers. */
export function isPortableRuntime(runtime: string): boolean {
  return PORTABLE_RUNTIME.test(runtime);
}
