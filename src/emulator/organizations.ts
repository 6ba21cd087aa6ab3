/**
 * AWS Organizations over JSON 1.1 (`x-amz-target: AWSOrganizationsV20161128.<Op>`): ListAccounts
 * (at most 20 a page, `NextToken`) and DescribeOrganization, shaped as the Organizations API
 * reference shows them (https://docs.aws.amazon.com/organizations/latest/APIReference/API_ListAccounts.html).
 * Only the management account may list accounts; a member gets AccessDeniedException. Every
 * Organizations error is HTTP 400.
 */
import { ApiError } from "./http.js";
import type { EmulatorOrganization } from "./organization.js";

export const ORGANIZATIONS_TARGET = "AWSOrganizationsV20161128.";
const PAGE_MAX = 20;
/** 2024-01-15T00:00:00Z: when the emulated accounts joined. */
const JOINED_S = 1_705_276_800;

export function organizationsError(
  code: string,
  message: string,
  fields: Record<string, unknown> = {},
) {
  return new ApiError(400, code, message, { fields });
}

export function organizationId(org: EmulatorOrganization): string {
  return `o-${org.managementAccountId}`;
}

export function serveOrganizations(
  org: EmulatorOrganization,
  callerAccountId: string,
  op: string,
  input: Record<string, unknown>,
): unknown {
  const id = organizationId(org);
  const mgmt = org.managementAccountId;
  if (op === "DescribeOrganization") {
    return {
      Organization: {
        Id: id,
        Arn: `arn:aws:organizations::${mgmt}:organization/${id}`,
        FeatureSet: "ALL",
        MasterAccountArn: `arn:aws:organizations::${mgmt}:account/${id}/${mgmt}`,
        MasterAccountId: mgmt,
        MasterAccountEmail: `management@${mgmt}.example.com`,
        AvailablePolicyTypes: [],
      },
    };
  }
  if (op !== "ListAccounts") {
    throw organizationsError("UnknownOperationException", `Unknown operation ${op}`);
  }
  if (callerAccountId !== mgmt) {
    throw organizationsError(
      "AccessDeniedException",
      "You don't have permissions to access this resource.",
    );
  }
  const max = input.MaxResults ?? PAGE_MAX;
  if (typeof max !== "number" || !Number.isInteger(max) || max < 1 || max > PAGE_MAX) {
    throw organizationsError(
      "InvalidInputException",
      "You provided a value that does not match the required pattern.",
      { Reason: "INVALID_INPUT" },
    );
  }
  const ids = org.accountIds();
  const start = input.NextToken === undefined ? 0 : offsetOf(input.NextToken, ids.length);
  const page = ids.slice(start, start + max).map((accountId) => {
    const member = org.member(accountId);
    const state = member?.state ?? "ACTIVE";
    return {
      Id: accountId,
      Arn: `arn:aws:organizations::${mgmt}:account/${id}/${accountId}`,
      Email: member?.email ?? `aws+${accountId}@example.com`,
      Name: member?.name ?? (accountId === mgmt ? "management" : `account-${accountId}`),
      // Status is deprecated for State; it has no PENDING_ACTIVATION or CLOSED.
      Status: state === "CLOSED" ? "SUSPENDED" : state,
      State: state,
      JoinedMethod: accountId === mgmt ? "INVITED" : "CREATED",
      JoinedTimestamp: JOINED_S,
    };
  });
  const next = start + max < ids.length ? tokenOf(start + max) : undefined;
  return { Accounts: page, ...(next ? { NextToken: next } : {}) };
}

function tokenOf(offset: number): string {
  return Buffer.from(`accounts:${offset}`).toString("base64");
}

function offsetOf(token: unknown, length: number): number {
  const match =
    typeof token === "string"
      ? /^accounts:(\d+)$/.exec(Buffer.from(token, "base64").toString())
      : null;
  const offset = Number(match?.[1] ?? Number.NaN);
  if (!match || offset > length) {
    throw organizationsError("InvalidInputException", "The provided pagination token is invalid.", {
      Reason: "INVALID_PAGINATION_TOKEN",
    });
  }
  return offset;
}
