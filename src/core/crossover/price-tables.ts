/**
 * Validates pricing/fargate.json and pricing/ec2.json (shapes: the .schema.json beside them)
 * and turns their decimal strings into Decimals. Any mistake is a PricingDataError naming the
 * field, so a malformed file never yields a NaN price.
 */
import * as z from "zod/mini";
import { PricingDataError } from "../errors.js";
import { dec } from "../money/index.js";
import { describeIssues } from "../pricing/validation-issues.js";
import type {
  Discount,
  Ec2InstanceType,
  Ec2PriceTable,
  FargateArchitecturePrices,
  FargatePriceTable,
  SavingsPlanTerm,
} from "./types.js";

const decimalString = z
  .string()
  .check(z.regex(/^\d+(\.\d+)?$/, 'must be a plain decimal string such as "0.04048"'));
const fractionString = z
  .string()
  .check(z.regex(/^(0(\.\d+)?|1(\.0+)?)$/, 'must be a decimal string from "0" to "1"'));
const isoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date YYYY-MM-DD"));
const text = z.string().check(z.minLength(1));
const architecture = z.enum(["x86_64", "arm64"]);

const discountSchema = z.object({
  discountFraction: fractionString,
  kind: z.enum(["published", "headline-maximum", "approximate", "derived"]),
  source: text,
  asOf: isoDate,
  assumption: z.optional(z.string()),
});
const plansSchema = z.object({ "compute-1yr": discountSchema, "compute-3yr": discountSchema });

const fargateArchSchema = z.nullable(
  z.object({ perVcpuHour: decimalString, perGbHour: decimalString, source: text, asOf: isoDate }),
);
const fargateSchema = z.object({
  currency: z.literal("USD"),
  asOf: isoDate,
  regions: z.record(z.string(), z.object({ x86_64: fargateArchSchema, arm64: fargateArchSchema })),
  spot: z.extend(discountSchema, {
    architectures: z.array(architecture).check(z.minLength(1)),
    architecturesSource: text,
  }),
  savingsPlans: plansSchema,
});

const ec2Schema = z.object({
  currency: z.literal("USD"),
  asOf: isoDate,
  instanceTypes: z.record(
    z.string(),
    z.object({
      vcpus: decimalString,
      memoryGib: decimalString,
      architecture,
      burstable: z.boolean(),
      baselineCpuShare: z.nullable(fractionString),
    }),
  ),
  instanceTypesSource: z.object({ specs: text, baselineCpuShare: text, asOf: isoDate }),
  regions: z.record(
    z.string(),
    z.object({
      source: text,
      asOf: isoDate,
      hourlyPrices: z.record(z.string(), decimalString),
      priceChecks: z.optional(z.record(z.string(), text)),
    }),
  ),
  savingsPlans: z.object({ ec2: plansSchema, lambda: plansSchema }),
});

type RawDiscount = z.infer<typeof discountSchema>;

function toDiscount(raw: RawDiscount): Discount {
  return {
    fraction: dec(raw.discountFraction),
    kind: raw.kind,
    source: raw.source,
    asOf: raw.asOf,
    assumption: raw.assumption,
  };
}

function toPlans(raw: z.infer<typeof plansSchema>): Record<SavingsPlanTerm, Discount> {
  return {
    "compute-1yr": toDiscount(raw["compute-1yr"]),
    "compute-3yr": toDiscount(raw["compute-3yr"]),
  };
}

function parse<T>(schema: z.ZodMiniType<T>, input: unknown, what: string): T {
  const result = schema.safeParse(input);
  if (!result.success) {
    throw new PricingDataError(
      `${what} is invalid: ${describeIssues(result.error.issues as never, input)}`,
    );
  }
  return result.data;
}

/**
 * Validates a parsed pricing/fargate.json.
 *
 * @example
 * const table = parseFargatePriceTable(JSON.parse(readFileSync("pricing/fargate.json", "utf8")));
 * table.regions["us-east-1"]?.arm64?.perVcpuHour.toFixed(); // "0.03238"
 * parseFargatePriceTable({}); // throws PricingDataError: Fargate price table is invalid: currency …
 */
export function parseFargatePriceTable(input: unknown): FargatePriceTable {
  const raw = parse(fargateSchema, input, "Fargate price table");
  const toArch = (a: z.infer<typeof fargateArchSchema>) =>
    a === null
      ? null
      : ({
          perVcpuHour: dec(a.perVcpuHour),
          perGbHour: dec(a.perGbHour),
          source: a.source,
          asOf: a.asOf,
        } satisfies FargateArchitecturePrices);
  const regions: FargatePriceTable["regions"] = {};
  for (const [region, prices] of Object.entries(raw.regions)) {
    regions[region] = { x86_64: toArch(prices.x86_64), arm64: toArch(prices.arm64) };
  }
  return {
    currency: "USD",
    asOf: raw.asOf,
    regions,
    spot: {
      ...toDiscount(raw.spot),
      architectures: raw.spot.architectures,
      architecturesSource: raw.spot.architecturesSource,
    },
    savingsPlans: toPlans(raw.savingsPlans),
  };
}

/**
 * Validates a parsed pricing/ec2.json. A burstable type must have a baseline share, a
 * non-burstable one must not, and every priced type must be described in instanceTypes.
 *
 * @example
 * const table = parseEc2PriceTable(JSON.parse(readFileSync("pricing/ec2.json", "utf8")));
 * table.instanceTypes["t4g.large"]?.baselineCpuShare?.toFixed(); // "0.3"
 */
export function parseEc2PriceTable(input: unknown): Ec2PriceTable {
  const raw = parse(ec2Schema, input, "EC2 price table");
  const instanceTypes: Record<string, Ec2InstanceType> = {};
  for (const [name, spec] of Object.entries(raw.instanceTypes)) {
    if (spec.burstable !== (spec.baselineCpuShare !== null)) {
      throw new PricingDataError(
        `EC2 price table is invalid: instanceTypes.${name}.baselineCpuShare must be ${spec.burstable ? "a fraction for a burstable type" : "null for a non-burstable type"}`,
      );
    }
    if (dec(spec.vcpus).lte(0)) {
      throw new PricingDataError(
        `EC2 price table is invalid: instanceTypes.${name}.vcpus must be > 0`,
      );
    }
    instanceTypes[name] = {
      name,
      vcpus: dec(spec.vcpus),
      memoryGib: dec(spec.memoryGib),
      architecture: spec.architecture,
      burstable: spec.burstable,
      baselineCpuShare: spec.baselineCpuShare === null ? null : dec(spec.baselineCpuShare),
    };
  }
  const regions: Ec2PriceTable["regions"] = {};
  for (const [region, prices] of Object.entries(raw.regions)) {
    const hourlyPrices: Record<string, ReturnType<typeof dec>> = {};
    for (const [name, price] of Object.entries(prices.hourlyPrices)) {
      if (!Object.hasOwn(instanceTypes, name)) {
        throw new PricingDataError(
          `EC2 price table is invalid: regions.${region}.hourlyPrices.${name} has no entry in instanceTypes`,
        );
      }
      hourlyPrices[name] = dec(price);
    }
    const priceChecks = prices.priceChecks ?? {};
    for (const name of Object.keys(priceChecks)) {
      if (!Object.hasOwn(hourlyPrices, name)) {
        throw new PricingDataError(
          `EC2 price table is invalid: regions.${region}.priceChecks.${name} checks a price the region does not list`,
        );
      }
    }
    regions[region] = { source: prices.source, asOf: prices.asOf, hourlyPrices, priceChecks };
  }
  return {
    currency: "USD",
    asOf: raw.asOf,
    instanceTypes,
    specsSource: raw.instanceTypesSource.specs,
    baselineSource: raw.instanceTypesSource.baselineCpuShare,
    regions,
    savingsPlans: {
      ec2: toPlans(raw.savingsPlans.ec2),
      lambda: toPlans(raw.savingsPlans.lambda),
    },
  };
}
