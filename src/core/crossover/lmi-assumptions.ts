/** The LMI rules in words, with sources and dates, and the caveats an LMI answer can carry. */
import { HOURS_PER_MONTH } from "./constants.js";
import type { LmiModel } from "./lmi.js";
import { LMI_OS_MEMORY_GIB, LMI_OS_VCPUS, LMI_RUNTIMES } from "./lmi-fleet.js";
import type { CrossoverInput, ManagedInstancesResult } from "./result-types.js";
import type { Discount, Ec2RegionPrices } from "./types.js";

const PRICING =
  "AWS Lambda pricing, 'Lambda Managed Instances' (https://aws.amazon.com/lambda/pricing/; read 2026-12-01)";
const GUIDE =
  "AWS Lambda Developer Guide, 'Lambda Managed Instances' (https://docs.aws.amazon.com/lambda/latest/dg/lambda-managed-instances.html; read 2026-12-01)";

/**
 * @example
 * describeLmiAssumptions(input, lmi, region, null)[0];
 * // "LMI (Lambda Managed Instances) is billed as EC2 instance-hours at the rate paid …"
 */
export function describeLmiAssumptions(
  input: CrossoverInput,
  lmi: LmiModel,
  region: Ec2RegionPrices | undefined,
  ec2Discount: Discount | null,
): string[] {
  if (lmi.fleets.unavailable) return [`LMI: ${lmi.fleets.unavailable}.`];
  const runtime = input.runtime ?? "nodejs";
  const ratios =
    input.lmiMemoryPerVcpuGib === undefined
      ? "by family"
      : `${input.lmiMemoryPerVcpuGib} for every type (--lmi-memory-per-vcpu)`;
  const size =
    input.lmiInstances !== undefined
      ? `LMI fleet as given: ${input.lmiInstances} instances (--lmi-instances) at every volume.`
      : `LMI fleet: vCPUs = max(peak rps × CPU-s per request / ${input.targetUtilization} (target utilisation), peak rps × ${input.durationMs / 1000} s (duration) / ${LMI_RUNTIMES[runtime]} concurrent requests per vCPU (${runtime}, --runtime; Node.js 64, Python 16, Java 32, .NET 32)); here ${lmi.sizing.bound === "cpu" ? "the CPU work" : "the concurrency limit"} sets it. At least ${input.lmiMinInstances ?? 3} instances (one per Availability Zone, --lmi-min-instances).`;
  return [
    `LMI (Lambda Managed Instances) is billed as EC2 instance-hours at the rate paid (on-demand${ec2Discount ? ", less the Compute Savings Plan discount" : ""}) + a management fee of 15% of the ON-DEMAND instance price (never discounted) + $0.20 per 1M requests, with no duration charge (${PRICING}).`,
    `LMI requests are charged from the first one: the pricing page gives the free tier (1M requests, 400,000 GB-s a month) for Lambda Functions and lists LMI requests at $0.20 per 1M with no free allowance, and AWS's sample LMI calculator (https://aws-samples.github.io/sample-aws-lambda-managed-instances/) charges the first million too; --no-free-tier changes only Lambda's side.`,
    size,
    `Each LMI instance keeps ${LMI_OS_VCPUS} vCPU and ${LMI_OS_MEMORY_GIB} GiB for its OS; one-vCPU execution environments get the GiB per vCPU of the family (c 2, m 4, r 8; --lmi-memory-per-vcpu 2|4|8), at least 2 GiB each, so an instance holds min(vCPUs − 1, floor((GiB − 1) / max(2, GiB per vCPU))) environments (${GUIDE}). GiB per vCPU used here: ${ratios}.`,
    `LMI instances: the cheapest of ${lmi.fleets.fleets.map((f) => f.type.name).join(", ")} (${input.lmiArchitecture ?? "arm64"}, --lmi-arch) at each volume, at the EC2 on-demand Linux price (${region?.source}; ${region?.asOf}); a month is ${HOURS_PER_MONTH} instance-hours.`,
  ];
}

/** What the reader should know about this LMI answer beyond the rules. */
export function lmiCaveats(
  lmi: ManagedInstancesResult,
  region: Ec2RegionPrices | undefined,
): string[] {
  const out: string[] = [];
  const chosen = lmi.candidates.find((c) => c.instanceType === lmi.instanceType);
  if (lmi.fixedInstances !== null && chosen) {
    const environments = chosen.environments * lmi.fixedInstances;
    if (lmi.vcpusNeeded.gt(environments)) {
      out.push(
        `--lmi-instances ${lmi.fixedInstances} × ${chosen.instanceType} holds ${environments} one-vCPU environments, fewer than the ${lmi.vcpusNeeded.toDecimalPlaces(2).toFixed()} the peak needs; the fleet is priced as given.`,
      );
    }
  }
  const check = lmi.instanceType ? region?.priceChecks[lmi.instanceType] : undefined;
  if (check?.startsWith("UNVERIFIED")) {
    out.push(`The ${lmi.instanceType} price is not verified against an AWS page: ${check}.`);
  }
  return out;
}
