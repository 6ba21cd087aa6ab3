/**
 * What one function's price depends on beyond itself: the duration tier pools (per region and
 * architecture) and the free tier's proportional rule. For one account both are computed from
 * that account's functions; under consolidated billing from the whole organisation's, so an
 * organisation is priced in two steps: add up every account's claims, then price each account
 * against the one basis (accounts one at a time, never all rows at once).
 */
import { type Decimal, ZERO } from "../money/index.js";
import { architecturePrices } from "../pricing/lookup.js";
import type { LambdaPriceTable } from "../pricing/types.js";
import {
  type AllowanceRule,
  allowanceRule,
  buildTierPools,
  type PoolMember,
  poolKey,
} from "./allocation.js";
import { type CalendarMonth, hoursInMonth } from "./month.js";
import type { FunctionMonthInput, TierPool } from "./types.js";
import { type FunctionQuantities, functionQuantities } from "./usage.js";

/** What a group of functions puts into the shared pools and claims of the free tier. */
export interface UsageClaims {
  /** On-demand GB-s per region|architecture. */
  pools: Map<string, PoolMember>;
  /** Every invocation (on-demand and PC-served: both are the Request usage type). */
  requests: Decimal;
  /** On-demand GB-s (the free tier does not cover PC-served duration). */
  onDemandGbSeconds: Decimal;
}

export type PricingScope = "account" | "organization";

export interface PricingBasis {
  scope: PricingScope;
  pools: Map<string, TierPool>;
  /** Off (--no-free-tier): both rules share nothing. */
  freeTier: boolean;
  freeRequests: AllowanceRule;
  freeGbSeconds: AllowanceRule;
}

export function emptyClaims(): UsageClaims {
  return { pools: new Map(), requests: ZERO, onDemandGbSeconds: ZERO };
}

/** Adds functions (with their quantities from usage.ts) to `claims`, in place; returns it. */
export function addClaims(
  claims: UsageClaims,
  inputs: readonly FunctionMonthInput[],
  quantities: readonly FunctionQuantities[],
): UsageClaims {
  inputs.forEach((input, i) => {
    const onDemand = quantities[i]?.onDemandGbSeconds ?? ZERO;
    const key = poolKey(input.region, input.architecture);
    const seen = claims.pools.get(key);
    claims.pools.set(key, {
      region: input.region,
      architecture: input.architecture,
      onDemandGbSeconds: (seen?.onDemandGbSeconds ?? ZERO).plus(onDemand),
    });
    claims.requests = claims.requests.plus(input.invocations);
    claims.onDemandGbSeconds = claims.onDemandGbSeconds.plus(onDemand);
  });
  return claims;
}

/** Merges several groups' claims (an organisation's accounts) into a new total. */
export function mergeClaims(groups: Iterable<UsageClaims>): UsageClaims {
  const total = emptyClaims();
  for (const group of groups) {
    for (const [key, member] of group.pools) {
      const seen = total.pools.get(key);
      total.pools.set(key, {
        ...member,
        onDemandGbSeconds: (seen?.onDemandGbSeconds ?? ZERO).plus(member.onDemandGbSeconds),
      });
    }
    total.requests = total.requests.plus(group.requests);
    total.onDemandGbSeconds = total.onDemandGbSeconds.plus(group.onDemandGbSeconds);
  }
  return total;
}

/**
 * Prices the pools and fixes the free-tier rule for `claims`.
 * Example (organisation, x86_64 us-east-1): two accounts of 4e9 on-demand GB-s each make one
 * pool of 8e9 that crosses the 6e9 tier boundary: blended rate 0.000016250025 for both,
 * although each account alone would stay in tier 1.
 */
export function pricingBasis(
  claims: UsageClaims,
  table: LambdaPriceTable,
  options: { freeTier: boolean; scope: PricingScope },
): PricingBasis {
  const pools = buildTierPools(
    [...claims.pools.values()],
    (region, architecture) => architecturePrices(table, region, architecture).durationTiers,
  );
  const on = options.freeTier;
  return {
    scope: options.scope,
    pools,
    freeTier: on,
    freeRequests: allowanceRule(on ? claims.requests : ZERO, table.freeTier.requestsPerMonth),
    freeGbSeconds: allowanceRule(
      on ? claims.onDemandGbSeconds : ZERO,
      table.freeTier.gbSecondsPerMonth,
    ),
  };
}

/**
 * One account's claims from its month of inputs, ready to merge with the others'.
 * Example: 1,000,000 invocations of a 1024 MB function with Sum(Duration) 99,500,000 ms claim
 * 1,000,000 requests and 100,000 on-demand GB-s in its region|architecture pool.
 */
export function accountClaims(
  inputs: readonly FunctionMonthInput[],
  month: CalendarMonth,
): UsageClaims {
  const hours = hoursInMonth(month);
  return addClaims(
    emptyClaims(),
    inputs,
    inputs.map((input) => functionQuantities(input, hours)),
  );
}

/** The claims of an account's priced rows (what it was priced on), e.g. to reconcile it. */
export function claimsOfRows(
  rows: readonly {
    region: string;
    architecture: FunctionMonthInput["architecture"];
    invocations: Decimal;
    onDemandGbSeconds: Decimal;
  }[],
): UsageClaims {
  const claims = emptyClaims();
  for (const row of rows) {
    const key = poolKey(row.region, row.architecture);
    const seen = claims.pools.get(key);
    claims.pools.set(key, {
      region: row.region,
      architecture: row.architecture,
      onDemandGbSeconds: (seen?.onDemandGbSeconds ?? ZERO).plus(row.onDemandGbSeconds),
    });
    claims.requests = claims.requests.plus(row.invocations);
    claims.onDemandGbSeconds = claims.onDemandGbSeconds.plus(row.onDemandGbSeconds);
  }
  return claims;
}
