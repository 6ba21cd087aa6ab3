/**
 * Building cost lines for one function: the shared context and the on-demand duration lines
 * (free tier first, then the tiers of the region + architecture pool). Used by priceLambda.
 */
import { type Decimal, ZERO } from "../money/index.js";
import type { AccountState } from "./account.js";
import { splitIntoTiers } from "./tiers.js";
import type { ArchitecturePrices, CostLine, FunctionUsage } from "./types.js";

export interface FunctionContext {
  usage: FunctionUsage;
  prices: ArchitecturePrices;
  account: AccountState;
  caveats: Set<string>;
  lines: CostLine[];
}

export function line(
  ctx: FunctionContext,
  fields: Omit<CostLine, "region" | "architecture">,
): void {
  const { usage } = ctx;
  ctx.lines.push({
    ...fields,
    ...(usage.name === undefined ? {} : { functionName: usage.name }),
    region: usage.region,
    architecture: usage.architecture,
  });
}

/** Prices on-demand GB-s through the free tier and the pool's tiers; one line per tier touched. */
export function durationLines(ctx: FunctionContext, name: string, quantity: Decimal): void {
  const { usage, prices, account } = ctx;
  const free = account.takeFreeGbSeconds(quantity);
  const used = account.used(usage.region, usage.architecture);
  const slices = splitIntoTiers(quantity.minus(free), prices.durationTiers, used.plus(free));
  account.record(usage.region, usage.architecture, quantity);
  if (slices.length === 0) {
    // Nothing billable (all free, or no usage): one zero line at the tier the pool is in.
    const position = used.plus(free);
    const index = prices.durationTiers.findIndex(
      (t) => t.toGbSeconds === null || position.lt(t.toGbSeconds),
    );
    slices.push({
      tierIndex: Math.max(index, 0),
      quantity: ZERO,
      pricePerGbSecond: prices.durationTiers[Math.max(index, 0)]?.pricePerGbSecond ?? ZERO,
      cost: ZERO,
    });
  }
  slices.forEach((slice, i) => {
    const tier = prices.durationTiers[slice.tierIndex];
    if (tier?.derived && slice.quantity.gt(0)) {
      ctx.caveats.add(
        `${usage.region} ${usage.architecture} duration tier ${slice.tierIndex + 1} price (${slice.pricePerGbSecond.toFixed()}/GB-s) is derived ${tier.derivation ? `(${tier.derivation})` : "from tier 1"}, not read from an AWS source`,
      );
    }
    line(ctx, {
      name: `${name} (tier ${slice.tierIndex + 1})`,
      quantity: slice.quantity,
      unit: "GB-s",
      unitPrice: slice.pricePerGbSecond,
      cost: slice.cost,
      ...(i === 0 && free.gt(0) ? { freeTierQuantity: free } : {}),
    });
  });
}
