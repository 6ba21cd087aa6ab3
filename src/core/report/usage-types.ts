/**
 * Lambda's billing usage types, as the AWS Price List (offer file AWSLambda, attribute
 * `usagetype`, https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AWSLambda/current/index.json,
 * read 2026-11) and Cost Explorer's USAGE_TYPE dimension spell them: a region prefix (none in
 * us-east-1, `EU-` in eu-west-1, `USE2-`, `APN1-` …) then `Request`, `Lambda-GB-Second`,
 * `Lambda-Provisioned-Concurrency`, `Lambda-Provisioned-GB-Second`, `Lambda-Storage-GB-Second`,
 * each with `-ARM` for arm64. The report's lines map onto them one to one; usage types the
 * report does not estimate (SnapStart, response streaming, Lambda@Edge …) map to `other`.
 */
import type { Architecture } from "../pricing/types.js";

export type LineKind = "requests" | "duration" | "provisioned-concurrency" | "ephemeral-storage";

/** One line of a reconciliation: a kind in a region for an architecture, or `other`. */
export interface BillLine {
  kind: LineKind | "other";
  region: string;
  architecture: Architecture | "";
}

/** Price List / Cost Explorer region prefixes (us-east-1 has none; some bills show USE1-). */
const REGION_PREFIXES: Record<string, string> = {
  "us-east-1": "",
  "us-east-2": "USE2-",
  "us-west-1": "USW1-",
  "us-west-2": "USW2-",
  "af-south-1": "AFS1-",
  "ap-east-1": "APE1-",
  "ap-south-1": "APS3-",
  "ap-south-2": "APS5-",
  "ap-southeast-1": "APS1-",
  "ap-southeast-2": "APS2-",
  "ap-southeast-3": "APS4-",
  "ap-southeast-4": "APS6-",
  "ap-northeast-1": "APN1-",
  "ap-northeast-2": "APN2-",
  "ap-northeast-3": "APN3-",
  "ca-central-1": "CAN1-",
  "ca-west-1": "CAW1-",
  "eu-central-1": "EUC1-",
  "eu-central-2": "EUC2-",
  "eu-west-1": "EU-",
  "eu-west-2": "EUW2-",
  "eu-west-3": "EUW3-",
  "eu-south-1": "EUS1-",
  "eu-south-2": "EUS2-",
  "eu-north-1": "EUN1-",
  "il-central-1": "ILC1-",
  "me-south-1": "MES1-",
  "me-central-1": "MEC1-",
  "sa-east-1": "SAE1-",
};

/** Prefixes some bills use instead of the Price List's (same region). */
const PREFIX_ALIASES: Record<string, string> = { "USE1-": "us-east-1", "EUW1-": "eu-west-1" };

const KIND_NAMES: Record<string, LineKind> = {
  Request: "requests",
  "Lambda-GB-Second": "duration",
  "Lambda-Provisioned-Concurrency": "provisioned-concurrency",
  "Lambda-Provisioned-GB-Second": "provisioned-concurrency",
  "Lambda-Storage-GB-Second": "ephemeral-storage",
};

/** The usage type of a report line. `usageType("duration-pc", …)` is the PC-duration one. */
export function usageTypeOf(
  kind: LineKind | "provisioned-duration",
  region: string,
  architecture: Architecture,
): string | undefined {
  const prefix = REGION_PREFIXES[region];
  if (prefix === undefined) return undefined;
  const name = {
    requests: "Request",
    duration: "Lambda-GB-Second",
    "provisioned-concurrency": "Lambda-Provisioned-Concurrency",
    "provisioned-duration": "Lambda-Provisioned-GB-Second",
    "ephemeral-storage": "Lambda-Storage-GB-Second",
  }[kind];
  return `${prefix}${name}${architecture === "arm64" ? "-ARM" : ""}`;
}

/**
 * The line a usage type belongs to.
 * Example: `USE2-Lambda-GB-Second-ARM` → duration, us-east-2, arm64; `Request` → requests,
 * us-east-1, x86_64; `USE1-Lambda-SnapStart-Restore` → other.
 */
export function lineOfUsageType(usageType: string): BillLine {
  const match = /^(?:([A-Z]{2,3}\d?)-)?(.+?)(-ARM)?$/.exec(usageType);
  const other: BillLine = { kind: "other", region: "", architecture: "" };
  if (!match) return other;
  const kind = KIND_NAMES[match[2] ?? ""];
  if (kind === undefined) return other;
  const prefix = match[1] === undefined ? "" : `${match[1]}-`;
  const region =
    PREFIX_ALIASES[prefix] ?? Object.entries(REGION_PREFIXES).find(([, p]) => p === prefix)?.[0];
  if (region === undefined) return other;
  return { kind, region, architecture: match[3] ? "arm64" : "x86_64" };
}

/** A stable key and label for a line: `us-east-1 x86_64 duration`, or `other`. */
export function lineKey(line: BillLine): string {
  return line.kind === "other" ? "other" : `${line.region} ${line.architecture} ${line.kind}`;
}
