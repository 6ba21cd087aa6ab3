/**
 * Provisioned mode for event source mappings (AWS Lambda pricing, "Provisioned Mode for Event
 * Source Mapping (ESM) Pricing", https://aws.amazon.com/lambda/pricing/, read 2026-12-01): event
 * pollers are billed in event poller unit hours (EPU-hours), at a price by source (Kafka — MSK
 * or self-managed — or SQS). Several Kafka mappings grouped in one poller group share EPUs, so
 * a group is one entry with the group's EPU-hours. These are account lines: no function and
 * no architecture owns them.
 */
import { dec } from "../money/index.js";
import type { EventPollerUsage } from "./extra-usage.js";
import { linePrices } from "./lookup.js";
import type { CostLine, LambdaPriceTable } from "./types.js";

const SOURCE_LABELS = { kafka: "Kafka", sqs: "SQS" } as const;

/**
 * One line per event-poller entry.
 *
 * @example
 * // AWS's Kafka example: the mapping scales to 800 EPU-hours in a month.
 * eventPollerLines([{ region: "us-east-1", source: "kafka", epuHours: 800 }], table);
 * // → Event pollers (Kafka): 800 EPU-hours × $0.185 = $148
 * // AWS's SQS example: 8,000 EPU-hours × $0.00925 = $74
 */
export function eventPollerLines(pollers: EventPollerUsage[], table: LambdaPriceTable): CostLine[] {
  return pollers.map((poller) => {
    const price = linePrices(table, poller.region, "eventPollers").perEpuHour[poller.source];
    const quantity = dec(poller.epuHours);
    return {
      name: `Event pollers (${SOURCE_LABELS[poller.source]})`,
      quantity,
      unit: "EPU-hours",
      unitPrice: price,
      cost: quantity.times(price),
      region: poller.region,
    };
  });
}
