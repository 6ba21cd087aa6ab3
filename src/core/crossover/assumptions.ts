/** Every assumption of the crossover model, in words, with the numbers and sources used. */
import { type Decimal, dec, formatCount } from "../money/index.js";
import {
  HOURS_PER_MONTH,
  MB_PER_VCPU,
  SEARCH_LIMIT_REQUESTS,
  SECONDS_PER_MONTH,
} from "./constants.js";
import type { Ec2Fleets } from "./ec2-candidates.js";
import type { LmiModel } from "./lmi.js";
import { describeLmiAssumptions } from "./lmi-assumptions.js";
import type { CrossoverInput, CrossoverTables } from "./result-types.js";
import type {
  Discount,
  FargateArchitecturePrices,
  FargateTaskSize,
  SavingsPlanTerm,
} from "./types.js";
import type { SizingInput } from "./work.js";

export interface AssumptionContext {
  input: CrossoverInput;
  task: FargateTaskSize;
  sizing: SizingInput;
  tables: CrossoverTables;
  fargatePrices: FargateArchitecturePrices;
  plan: SavingsPlanTerm | null;
  ec2: Ec2Fleets;
  lmi: LmiModel;
}

const pct = (d: Decimal) => `${d.times(100).toFixed()}%`;
const short = (d: Decimal, places = 6) => d.toDecimalPlaces(places).toFixed();

function discountText(what: string, d: Discount): string {
  const kind = d.kind === "headline-maximum" ? "AWS's 'up to' figure" : d.kind;
  return `${what} −${pct(d.fraction)} (${kind}; ${d.source}; ${d.asOf})`;
}

/**
 * @example
 * describeAssumptions(context)[0];
 * // "A month is 730 hours (2,628,000 s); average requests per second = monthly requests / 2,628,000."
 */
export function describeAssumptions(ctx: AssumptionContext): string[] {
  const { input, task, sizing, tables, fargatePrices, plan, ec2, lmi } = ctx;
  const out: string[] = [];
  out.push(
    `A month is ${HOURS_PER_MONTH} hours (${formatCount(SECONDS_PER_MONTH)} s); average requests per second = monthly requests / ${formatCount(SECONDS_PER_MONTH)}.`,
  );
  if (input.cpuSecondsPerRequest !== undefined) {
    out.push(
      `CPU work per request: ${input.cpuSecondsPerRequest} vCPU-s, as given (--cpu-seconds-per-request).`,
    );
  } else {
    const share = Math.min(input.memoryMb / MB_PER_VCPU, 1);
    out.push(
      `CPU work per request: ${input.durationMs} ms × min(${input.memoryMb}/${MB_PER_VCPU}, 1) × ${input.cpuBoundFraction} (CPU-bound fraction) = ${short(sizing.cpuSecondsPerRequest)} vCPU-s (Lambda gives ${MB_PER_VCPU} MB one full vCPU${share < 1 ? ", a proportional share below" : ""}).`,
    );
  }
  out.push(
    `Fleets are sized for the peak and run at that size all month (no autoscaling): vCPUs = average rps × ${input.peakToAverage} (peak-to-average) × CPU-s per request / ${input.targetUtilization} (target utilisation); at least ${input.minInstances} tasks or instances.`,
  );
  out.push(
    `Only CPU is sized: a task or instance is assumed to have the memory the work needs; load balancers, NAT, data transfer, EBS, logs and the people who run the fleet are not counted.`,
  );
  const fargateDiscount = input.fargateSpot
    ? ` Spot: ${discountText("Fargate Spot", tables.fargate.spot)}. ${tables.fargate.spot.assumption ?? ""}`
    : plan
      ? ` ${discountText("Compute Savings Plan", tables.fargate.savingsPlans[plan])}.`
      : "";
  out.push(
    `Fargate: ${task.label} ${input.fargateArchitecture} tasks in ${input.region} at $${fargatePrices.perVcpuHour.toFixed()} per vCPU-h + $${fargatePrices.perGbHour.toFixed()} per GB-h (${fargatePrices.source}; ${fargatePrices.asOf}); 20 GB of task storage included.${fargateDiscount}`.trim(),
  );
  if (ec2.unavailable) {
    out.push(`EC2: ${ec2.unavailable}.`);
  } else {
    const names = ec2.fleets.map((f) => f.type.name).join(", ");
    const region = tables.ec2.regions[input.region];
    const burst = ec2.fleets
      .filter((f) => f.type.burstable)
      .map((f) => `${f.type.name} ${pct(f.type.baselineCpuShare ?? dec(0))}`);
    out.push(
      `EC2: on-demand Linux, the cheapest of ${names} at each volume (${region?.source}; ${region?.asOf}).${
        burst.length > 0
          ? ` Burstable types count only their baseline share of each vCPU (${burst.join(", ")}; ${tables.ec2.baselineSource}).`
          : " Burstable types (t3, t4g) are left out (--include-burstable adds them at their baseline CPU share)."
      }${plan ? ` ${discountText("Compute Savings Plan", tables.ec2.savingsPlans.ec2[plan])}.` : ""}`,
    );
  }
  out.push(
    ...describeLmiAssumptions(
      input,
      lmi,
      tables.ec2.regions[input.region],
      plan ? tables.ec2.savingsPlans.ec2[plan] : null,
    ),
  );
  out.push(
    `Lambda: ${input.memoryMb} MB ${input.architecture} in ${input.region}, ${input.durationMs} ms a request, priced by the pricing engine (pricing/lambda.json, ${tables.lambda.asOf}) ${input.freeTier ? "with" : "without"} the monthly free tier.${plan ? ` ${discountText("Compute Savings Plan on duration (not requests)", tables.ec2.savingsPlans.lambda[plan])}.` : ""}`,
  );
  if (plan) {
    out.push(
      "Savings Plans: the discount is applied to the whole bill of each option, as if the commitment exactly covered it; the real rate depends on term, payment option, region and instance family.",
    );
  }
  out.push(
    `Break-even: the smallest whole monthly request count at which an option costs no more than Lambda, found on the exact step-shaped fleet cost and tiered Lambda cost up to ${SEARCH_LIMIT_REQUESTS.toExponential().replace("e+", "e")} requests a month; after a fleet steps up Lambda can be cheaper again for a while, so the table also gives the volume from which the option is no dearer at every volume up to 10B.`,
  );
  return out;
}

/** Discounts that are not AWS's exact figure get a caveat whenever they are used. */
export function discountCaveats(
  tables: CrossoverTables,
  input: CrossoverInput,
  plan: SavingsPlanTerm | null,
): string[] {
  const used: Array<readonly [string, Discount]> = [];
  if (input.fargateSpot) used.push(["Fargate Spot", tables.fargate.spot] as const);
  if (plan) {
    used.push(["Lambda Savings Plan", tables.ec2.savingsPlans.lambda[plan]] as const);
    if (!input.fargateSpot)
      used.push(["Fargate Savings Plan", tables.fargate.savingsPlans[plan]] as const);
    used.push(["EC2 Savings Plan", tables.ec2.savingsPlans.ec2[plan]] as const);
  }
  return used
    .filter(([, d]) => d.kind !== "published")
    .map(
      ([what, d]) =>
        `${what} discount ${dec(d.fraction).times(100).toFixed()}% is ${d.kind === "headline-maximum" ? "AWS's 'up to' maximum" : `${d.kind} (not an AWS figure)`}: ${d.source}`,
    );
}
