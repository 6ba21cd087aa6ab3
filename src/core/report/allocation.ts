/**
 * Account-level allocation: duration tiers per region+architecture pool, and the free tier
 * once across the account. Each function then carries its share, so the rows add up to the
 * account's bill for those lines.
 */

import { Decimal, sum, ZERO } from "../money/index.js";
import { splitIntoTiers } from "../pricing/tiers.js";
import type { Architecture, DurationTier } from "../pricing/types.js";
import type { TierPool } from "./types.js";

export interface PoolMember {
  region: string;
  architecture: Architecture;
  onDemandGbSeconds: Decimal;
}

export function poolKey(region: string, architecture: Architecture): string {
  return `${region}|${architecture}`;
}

/**
 * Tiers count GB-s per account, per region, per architecture, per month (AWS Lambda pricing
 * page), so one function's rate depends on the others in its pool. Each pool is split into
 * tiers once; every member then pays the pool's blended rate (pool cost / pool GB-s).
 *
 * Example: x86_64 tiers 0.0000166667 up to 6e9 GB-s, 0.000015 to 15e9; a pool of 4e9 + 4e9
 * GB-s costs 6e9 × 0.0000166667 + 2e9 × 0.000015 = 100,000.2 + 30,000 = 130,000.2 dollars,
 * a blended 0.000016250025 per GB-s for both members.
 */
export function buildTierPools(
  members: readonly PoolMember[],
  tiersFor: (region: string, architecture: Architecture) => DurationTier[],
): Map<string, TierPool> {
  const totals = new Map<string, PoolMember>();
  for (const member of members) {
    const key = poolKey(member.region, member.architecture);
    const seen = totals.get(key);
    totals.set(key, {
      ...member,
      onDemandGbSeconds: (seen?.onDemandGbSeconds ?? ZERO).plus(member.onDemandGbSeconds),
    });
  }
  const pools = new Map<string, TierPool>();
  for (const [key, total] of [...totals].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const tiers = tiersFor(total.region, total.architecture);
    const slices = splitIntoTiers(total.onDemandGbSeconds, tiers);
    const cost = sum(slices.map((slice) => slice.cost));
    const firstPrice = tiers[0]?.pricePerGbSecond ?? ZERO;
    pools.set(key, {
      region: total.region,
      architecture: total.architecture,
      gbSeconds: total.onDemandGbSeconds,
      cost,
      blendedRatePerGbSecond: total.onDemandGbSeconds.isZero()
        ? firstPrice
        : cost.div(total.onDemandGbSeconds),
      tiers: slices
        .filter((slice) => !slice.quantity.isZero())
        .map((slice) => ({
          tierIndex: slice.tierIndex,
          gbSeconds: slice.quantity,
          pricePerGbSecond: slice.pricePerGbSecond,
          cost: slice.cost,
        })),
    });
  }
  return pools;
}

/** How one free allowance is shared: what is used of it, and each claimant's share. */
export interface AllowanceRule {
  /** min(allowance, total of the claims). */
  used: Decimal;
  /** Sum of every claim the allowance is shared over. */
  claimed: Decimal;
  /** The part of `claim` that is free: claim × used / claimed (the claim itself when all fit). */
  shareOf(claim: Decimal): Decimal;
}

/**
 * The proportional rule on a total known in advance, so claimants can be priced one group at a
 * time (an organisation's accounts one by one) and still share one allowance.
 *
 * Example: allowance 1,000,000 requests, claims totalling 4,000,000 → used 1,000,000, ratio
 * 0.25: a claim of 3,000,000 gets 750,000. Claims totalling 500,000 → every claim is free in full.
 */
export function allowanceRule(claimed: Decimal, allowance: Decimal): AllowanceRule {
  if (claimed.isZero()) return { used: ZERO, claimed, shareOf: () => ZERO };
  const used = Decimal.min(allowance, claimed);
  // One division, then a product per claimant: 10,000 divisions at 60 digits cost ~0.5 s.
  const ratio = used.div(claimed);
  const all = used.eq(claimed);
  return { used, claimed, shareOf: (claim) => (all ? claim : claim.times(ratio)) };
}

/**
 * Shares a free allowance among claimants in proportion to what each consumed.
 * The account uses min(allowance, total); claimant i gets used × amount_i / total.
 *
 * Example: allowance 1,000,000 requests, claims [3,000,000, 1,000,000] → used 1,000,000,
 * shares [750,000, 250,000]. Claims [200,000, 300,000] → each claim is free in full.
 */
export function shareAllowance(
  claims: readonly Decimal[],
  allowance: Decimal,
): { used: Decimal; shares: Decimal[] } {
  const rule = allowanceRule(sum(claims), allowance);
  return { used: rule.used, shares: claims.map((claim) => rule.shareOf(claim)) };
}
