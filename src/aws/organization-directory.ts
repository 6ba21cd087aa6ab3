/**
 * The organisation's accounts from AWS Organizations (management or delegated-administrator
 * account): DescribeOrganization for the management account ID, ListAccounts (every page) for
 * the accounts, ACTIVE ones only. The client is imported lazily.
 */
import { AwsError } from "../core/errors.js";
import type { OrganizationAccount } from "../core/report/organization-ports.js";
import { type AwsConnection, sdkClientConfig } from "./connection.js";
import { toAwsError } from "./errors.js";

export interface OrganizationListing {
  managementAccountId: string;
  /** Active accounts, sorted by ID. */
  accounts: OrganizationAccount[];
  /** Accounts left out because they are not ACTIVE (suspended, closing, …). */
  inactive: Array<{ accountId: string; state: string }>;
}

export async function listOrganizationAccounts(
  connection: AwsConnection,
): Promise<OrganizationListing> {
  const { OrganizationsClient, DescribeOrganizationCommand, paginateListAccounts } = await import(
    "@aws-sdk/client-organizations"
  );
  const client = new OrganizationsClient(sdkClientConfig(connection));
  let action = "organizations:DescribeOrganization";
  try {
    const described = await client.send(new DescribeOrganizationCommand({}));
    const managementAccountId = described.Organization?.MasterAccountId;
    if (!managementAccountId) {
      throw new AwsError("organizations:DescribeOrganization returned no management account.");
    }
    action = "organizations:ListAccounts";
    const accounts: OrganizationAccount[] = [];
    const inactive: OrganizationListing["inactive"] = [];
    for await (const page of paginateListAccounts({ client }, {})) {
      for (const account of page.Accounts ?? []) {
        if (!account.Id) continue;
        // State replaces the deprecated Status (2025); read Status only when State is absent.
        const state = account.State ?? account.Status ?? "UNKNOWN";
        if (state === "ACTIVE") {
          accounts.push({ accountId: account.Id, ...(account.Name ? { name: account.Name } : {}) });
        } else inactive.push({ accountId: account.Id, state });
      }
    }
    accounts.sort((a, b) => (a.accountId < b.accountId ? -1 : 1));
    return { managementAccountId, accounts, inactive };
  } catch (error) {
    if (error instanceof AwsError) throw error;
    throw toAwsError(error, { action, region: connection.region });
  } finally {
    client.destroy();
  }
}
