/**
 * A small price table for the report's unit tests, typed in from the AWS Lambda pricing page (AWS Lambda pricing
 * page, late 2026): us-east-1 both architectures, eu-west-1 x86_64 (arm64 PC prices unknown
 * there, as in the shipped data). Kept independent of pricing/lambda.json on purpose.
 */
import { dec } from "../../src/core/money/index.js";
import type {
  ArchitecturePrices,
  DurationTier,
  LambdaPriceTable,
} from "../../src/core/pricing/types.js";

function tiers(bounds: [string, string | null, string][]): DurationTier[] {
  return bounds.map(([from, to, price]) => ({
    fromGbSeconds: dec(from),
    toGbSeconds: to === null ? null : dec(to),
    pricePerGbSecond: dec(price),
    derived: false,
  }));
}

const x86Tiers = tiers([
  ["0", "6000000000", "0.0000166667"],
  ["6000000000", "15000000000", "0.000015"],
  ["15000000000", null, "0.0000133334"],
]);
const armTiers = tiers([
  ["0", "7500000000", "0.0000133334"],
  ["7500000000", "18750000000", "0.0000120001"],
  ["18750000000", null, "0.0000106667"],
]);

function arch(
  durationTiers: DurationTier[],
  pc: string | null,
  pcDuration: string | null,
  storage: string,
): ArchitecturePrices {
  return {
    durationTiers,
    provisionedConcurrencyPerGbSecond: pc === null ? null : dec(pc),
    provisionedDurationPerGbSecond: pcDuration === null ? null : dec(pcDuration),
    ephemeralStoragePerGbSecond: dec(storage),
  };
}

export const TEST_PRICE_TABLE: LambdaPriceTable = {
  currency: "USD",
  asOf: "2026-09-19",
  freeTier: { requestsPerMonth: dec(1_000_000), gbSecondsPerMonth: dec(400_000), sources: [] },
  regions: {
    "us-east-1": {
      region: "us-east-1",
      requestPrice: dec("0.0000002"),
      architectures: {
        x86_64: arch(x86Tiers, "0.0000041667", "0.0000097222", "0.0000000309"),
        arm64: arch(armTiers, "0.0000033334", "0.0000077778", "0.0000000309"),
      },
      caveats: [],
      sources: [],
      asOf: "2026-09-19",
    },
    "eu-west-1": {
      region: "eu-west-1",
      requestPrice: dec("0.0000002"),
      architectures: {
        x86_64: arch(x86Tiers, "0.0000046460", "0.0000108407", "0.000000034"),
        arm64: arch(armTiers, null, null, "0.000000034"),
      },
      caveats: ["eu-west-1: tiers 2 and 3 are derived"],
      sources: [],
      asOf: "2026-09-19",
    },
  },
};
