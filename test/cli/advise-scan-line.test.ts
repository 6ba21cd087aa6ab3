/**
 * The scan-cost line advise prints before querying: each Logs Insights price it used comes from
 * the price table, named with its regions (one rate: the text the docs show for us-east-1).
 */
import { describe, expect, it } from "vitest";
import type { ScanEstimate } from "../../src/advise/run-advise.js";
import { scanEstimateLine } from "../../src/cli/commands/advise-scan-line.js";
import { dec } from "../../src/core/money/index.js";

const GIB = 1024 ** 3;
const estimate = (over: Partial<ScanEstimate>): ScanEstimate => ({
  bytes: 0,
  cost: dec(0),
  groups: 1,
  unpricedRegions: [],
  insightsRates: [],
  ...over,
});

describe("scanEstimateLine", () => {
  it("one priced region: 1.5 GiB × $0.005 = $0.0075, the rate named with its region", () => {
    const line = scanEstimateLine(
      estimate({
        bytes: 1.5 * GIB,
        groups: 2,
        cost: dec("0.0075"),
        insightsRates: [{ region: "us-east-1", perGbScanned: dec("0.005") }],
      }),
    );
    expect(line).toBe(
      "Logs Insights: about 1.500 GB to scan in 2 log groups, about $0.0075 at $0.005 per GB scanned (us-east-1).\n",
    );
  });

  it("regions sharing a rate are listed together; different rates each with theirs", () => {
    const same = scanEstimateLine(
      estimate({
        bytes: 2 * GIB,
        cost: dec("0.01"), // 2 GiB × $0.005
        insightsRates: [
          { region: "us-east-1", perGbScanned: dec("0.005") },
          { region: "us-east-2", perGbScanned: dec("0.0050") },
        ],
      }),
    );
    expect(same).toBe(
      "Logs Insights: about 2.000 GB to scan in 1 log group, about $0.0100 at $0.005 per GB scanned (us-east-1, us-east-2).\n",
    );
    const two = scanEstimateLine(
      estimate({
        bytes: 2 * GIB,
        cost: dec("0.0126"), // 1 GiB × $0.005 + 1 GiB × $0.0076
        insightsRates: [
          { region: "us-east-1", perGbScanned: dec("0.005") },
          { region: "ap-northeast-1", perGbScanned: dec("0.0076") },
        ],
      }),
    );
    expect(two).toBe(
      "Logs Insights: about 2.000 GB to scan in 1 log group, about $0.0126 at $0.005 (us-east-1), $0.0076 (ap-northeast-1) per GB scanned.\n",
    );
  });

  it("no priced region: no rate, $0, and the unpriced regions named", () => {
    expect(scanEstimateLine(estimate({ bytes: 3 * GIB, unpricedRegions: ["eu-west-1"] }))).toBe(
      "Logs Insights: about 3.000 GB to scan in 1 log group, about $0.0000 (no Logs Insights price known for eu-west-1).\n",
    );
  });
});
