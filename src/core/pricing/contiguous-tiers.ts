import { PricingDataError } from "../errors.js";

/**
 * Tiers must start at 0, touch each other, and end open; otherwise splitting usage into them
 * would lose some. One rule for the duration tiers (GB-s) and the CloudWatch Logs tiers (GB),
 * named by the table's own fields. Checked on the strings as numbers: the bounds are whole
 * units, exact in a double, so checking every region does not mean converting every region.
 *
 * @example checkContiguousTiers([{ from: "0", to: "6000000000" }, { from: "6000000000", to: null }],
 *   "regions.us-east-1.architectures.x86_64.durationTiers", "GbSeconds") // passes
 */
export function checkContiguousTiers(
  tiers: readonly { from: string; to: string | null }[],
  path: string,
  unit: string,
): void {
  const fromField = `from${unit}`;
  const toField = `to${unit}`;
  tiers.forEach((tier, index) => {
    const where = `${path}[${index}]`;
    const expectedFrom = index === 0 ? "0" : tiers[index - 1]?.to;
    if (expectedFrom == null || Number(tier.from) !== Number(expectedFrom)) {
      throw new PricingDataError(
        `Lambda price table is invalid: ${where}.${fromField} must be ${expectedFrom ?? "the previous tier's end"} (tiers must be contiguous from 0)`,
      );
    }
    const last = index === tiers.length - 1;
    if (last !== (tier.to === null)) {
      throw new PricingDataError(
        `Lambda price table is invalid: ${where}.${toField} must be ${last ? "null (the last tier is open-ended)" : "a number (only the last tier is open-ended)"}`,
      );
    }
    if (tier.to !== null && Number(tier.to) <= Number(tier.from)) {
      throw new PricingDataError(
        `Lambda price table is invalid: ${where}.${toField} must be greater than ${fromField}`,
      );
    }
  });
}
