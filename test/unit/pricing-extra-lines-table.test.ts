/**
 * The price-table blocks for the lines beyond requests and duration, against the figures typed
 * in from AWS's public pages (AWS Lambda pricing, https://aws.amazon.com/lambda/pricing/, and
 * Amazon CloudWatch pricing, https://aws.amazon.com/cloudwatch/pricing/, both read 2026-12-01),
 * and the errors for a malformed block or a region without prices.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { PricingDataError } from "../../src/core/errors.js";
import { linePrices, logRates, parseLambdaPriceTable } from "../../src/core/pricing/index.js";
import { loadLambdaPriceTable } from "../../src/prices/lambda-prices.js";

const raw = JSON.parse(readFileSync(new URL("../../pricing/lambda.json", import.meta.url), "utf8"));
const table = loadLambdaPriceTable();

describe("the extra-line prices of us-east-1", () => {
  it("match AWS's published rates", () => {
    const snap = linePrices(table, "us-east-1", "snapStart");
    expect(snap.cachePerGbSecond.toFixed()).toBe("0.0000015046");
    expect(snap.restorePerGb.toFixed()).toBe("0.0001397998");
    expect(linePrices(table, "us-east-1", "responseStreaming").perGb.x86_64?.toFixed()).toBe(
      "0.008",
    );
    const edge = linePrices(table, "us-east-1", "edge");
    // $0.60 per 1M requests; $0.00000625125 per 128 MB-s is $0.00005001 per GB-s (× 8).
    expect(edge.requestPrice.times(1_000_000).toFixed()).toBe("0.6");
    expect(edge.pricePerGbSecond.toFixed()).toBe("0.00005001");
    expect(edge.pricePerGbSecond.div(8).toFixed()).toBe("0.00000625125");
    const pollers = linePrices(table, "us-east-1", "eventPollers");
    expect(pollers.perEpuHour.kafka.toFixed()).toBe("0.185");
    expect(pollers.perEpuHour.sqs.toFixed()).toBe("0.00925");
    // The Price List rate; the page's prose rounds it to $0.000167.
    expect(linePrices(table, "us-east-1", "tenantIsolation").perGb.x86_64?.toFixed()).toBe(
      "0.000166667",
    );
    const durable = linePrices(table, "us-east-1", "durable");
    expect(durable.perOperation.times(1_000_000).toFixed()).toBe("8");
    expect(durable.writtenPerGb.toFixed()).toBe("0.25");
    expect(durable.retainedPerGbMonth.toFixed()).toBe("0.15");
    expect(table.freeTier.responseStreamingGibPerMonth?.toFixed()).toBe("100");
  });

  it("gives the CloudWatch Logs tiers of both classes (10, 20, 20 TB, then the rest)", () => {
    const logs = linePrices(table, "us-east-1", "logs");
    const tiers = (c: "standard" | "infrequentAccess") =>
      logs.classes[c].ingestionTiers.map((t) => [
        t.fromGb.toFixed(),
        t.toGb?.toFixed() ?? null,
        t.pricePerGb.toFixed(),
      ]);
    expect(tiers("standard")).toEqual([
      ["0", "10240", "0.5"],
      ["10240", "30720", "0.25"],
      ["30720", "51200", "0.1"],
      ["51200", null, "0.05"],
    ]);
    expect(tiers("infrequentAccess").map((t) => t[2])).toEqual(["0.25", "0.15", "0.075", "0.05"]);
  });

  it("logRates gives the first-tier ingestion and the storage price for advice", () => {
    const standard = logRates(table, "us-east-1", "standard");
    expect(standard.firstTierIngestionPerGb.toFixed()).toBe("0.5");
    expect(standard.storagePerGbMonth.toFixed()).toBe("0.03");
    expect(standard.sources[0]).toContain("https://aws.amazon.com/cloudwatch/pricing/");
    expect(logRates(table, "us-east-1", "infrequentAccess").firstTierIngestionPerGb.toFixed()).toBe(
      "0.25",
    );
  });

  it("every block carries its sources and date", () => {
    const region = raw.regions["us-east-1"];
    for (const key of [
      "snapStart",
      "responseStreaming",
      "edge",
      "eventPollers",
      "tenantIsolation",
      "durable",
      "logs",
    ]) {
      expect(region[key].sources.length, key).toBeGreaterThan(0);
      expect(region[key].asOf, key).toBe("2026-12-01");
    }
  });
});

describe("a region without the block", () => {
  it("is a PricingDataError naming the regions that have it", () => {
    expect(() => linePrices(table, "eu-west-1", "snapStart")).toThrow(PricingDataError);
    expect(() => logRates(table, "eu-west-1", "standard")).toThrow(
      /no CloudWatch Logs prices for eu-west-1 \(it has them for us-east-1\)/,
    );
  });
});

describe("parseLambdaPriceTable on the new blocks", () => {
  const withLogs = (mutate: (logs: { standard: { ingestionTiers: unknown[] } }) => void) => {
    const copy = structuredClone(raw);
    mutate(copy.regions["us-east-1"].logs);
    return () => parseLambdaPriceTable(copy);
  };

  it("rejects log tiers with a gap, a closed last tier, or an unknown field", () => {
    expect(
      withLogs((logs) => {
        (logs.standard.ingestionTiers[1] as { fromGb: string }).fromGb = "10000";
      }),
    ).toThrow(/logs\.standard\.ingestionTiers\[1\]\.fromGb must be 10240/);
    expect(
      withLogs((logs) => {
        (logs.standard.ingestionTiers[3] as { toGb: string | null }).toGb = "99999";
      }),
    ).toThrow(/ingestionTiers\[3\]\.toGb must be null/);
    expect(
      withLogs((logs) => {
        (logs as unknown as Record<string, unknown>).extra = 1;
      }),
    ).toThrow(
      'Lambda price table is invalid: regions.us-east-1.logs has an unknown field "extra"; remove it or check the spelling',
    );
  });

  it("requires every block (null where there is no price)", () => {
    const copy = structuredClone(raw);
    delete copy.regions["eu-west-1"].durable;
    expect(() => parseLambdaPriceTable(copy)).toThrow(/durable/);
  });
});
