/**
 * Tenant isolation (AWS Lambda pricing, "Tenant Isolation Pricing",
 * https://aws.amazon.com/lambda/pricing/, read 2026-12-01): each tenant-isolated execution
 * environment Lambda creates is billed once, by the function's memory (GB) and architecture.
 * The table holds the AWS Price List rate ($0.000166667 per GB on x86_64); the page's prose and
 * its example round it to $0.000167.
 */
import { type Decimal, dec } from "../money/index.js";
import type { TenantIsolationUsage } from "./extra-usage.js";
import type { LineFields } from "./line-fields.js";

/**
 * The tenant isolation line: new environments × memory GB at the per-GB price.
 *
 * @example
 * // AWS's SaaS example: 1,000 tenants × 200 new environments at 1,024 MB, x86_64.
 * tenantIsolationLine({ memoryMb: 1024, tenantIsolation: { newEnvironments: 200_000 } }, dec("0.000166667"));
 * // 200,000 GB × $0.000166667 = $33.3334 ("$33.33"; AWS prints $33.40 from the rounded $0.000167)
 */
export function tenantIsolationLine(
  usage: { memoryMb: number; tenantIsolation: TenantIsolationUsage },
  pricePerGb: Decimal,
): LineFields {
  const quantity = dec(usage.tenantIsolation.newEnvironments).times(dec(usage.memoryMb).div(1024));
  return {
    name: "Tenant isolation (new environments × memory GB)",
    quantity,
    unit: "GB",
    unitPrice: pricePerGb,
    cost: quantity.times(pricePerGb),
  };
}
