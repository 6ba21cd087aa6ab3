import { CostExplorerClient, GetCostAndUsageCommand } from "@aws-sdk/client-cost-explorer";
import { LambdaClient, ListFunctionsCommand } from "@aws-sdk/client-lambda";
import {
  ListAccountsCommand,
  OrganizationsClient,
  paginateListAccounts,
} from "@aws-sdk/client-organizations";
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import type { AwsCredentialIdentity } from "@aws-sdk/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assumeRole } from "../../src/aws/assume-role.js";
import { startEmulator } from "../../src/emulator/http-server.js";
import type { EmulatorHandle } from "../../src/emulator/types.js";
import { loadLambdaPriceTable } from "../../src/prices/lambda-prices.js";

const PLAIN = { accessKeyId: "x", secretAccessKey: "y" };
const MGMT = "111111111111";
const MEMBER = "222222222222";
const LOCKED = "333333333333";
const history = [{ month: "2026-10", invocationsPerDay: 100_000, avgDurationMs: 99.5 }];

let emulator: EmulatorHandle;
const clients: Array<{ destroy(): void }> = [];
function client<T extends { destroy(): void }>(
  make: (config: object) => T,
  credentials: AwsCredentialIdentity = PLAIN,
): T {
  const made = make({
    region: "us-east-1",
    endpoint: emulator.endpoint,
    credentials,
    maxAttempts: 1,
  });
  clients.push(made);
  return made;
}

beforeAll(async () => {
  emulator = await startEmulator({
    priceTable: loadLambdaPriceTable(),
    now: () => Date.parse("2026-11-15T00:00:00Z"),
    config: {
      accountId: MGMT,
      functions: [{ name: "mgmt-fn", memorySize: 1024, history }],
      accounts: [
        {
          accountId: MEMBER,
          name: "payments",
          functions: [{ name: "member-fn", memorySize: 1024, history }],
        },
        { accountId: LOCKED, roles: ["Auditor"], functions: [] },
        ...Array.from({ length: 21 }, (_, i) => ({
          accountId: String(900_000_000_000 + i),
          functions: [],
        })),
      ],
      billedAdjustments: [
        { accountId: MEMBER, month: "2026-10", usageType: "Lambda-GB-Second", amountUsd: "3.20" },
      ],
    },
  });
});
afterAll(async () => {
  for (const c of clients) c.destroy();
  await emulator.close();
});

async function assume(accountId: string, roleName = "OrganizationAccountAccessRole") {
  const sts = client((c) => new STSClient(c));
  return sts.send(
    new AssumeRoleCommand({
      RoleArn: `arn:aws:iam::${accountId}:role/${roleName}`,
      RoleSessionName: "lambda-cost-report",
    }),
  );
}

describe("emulator: several accounts behind STS, Organizations and Cost Explorer", () => {
  it("AssumeRole returns credentials whose access key names the account; Lambda then lists that account's functions", async () => {
    const out = await assume(MEMBER);
    const creds = out.Credentials!;
    expect(creds.AccessKeyId).toMatch(new RegExp(`^ASIA${MEMBER}\\d{4}$`));
    // One hour from now on the real clock (the model clock of the metrics may be anywhere).
    const inMs = (creds.Expiration?.getTime() ?? 0) - Date.now();
    expect(inMs).toBeGreaterThan(3_590_000);
    expect(inMs).toBeLessThanOrEqual(3_600_000);
    expect(out.AssumedRoleUser?.Arn).toBe(
      `arn:aws:sts::${MEMBER}:assumed-role/OrganizationAccountAccessRole/lambda-cost-report`,
    );
    const session = {
      accessKeyId: creds.AccessKeyId!,
      secretAccessKey: creds.SecretAccessKey!,
      sessionToken: creds.SessionToken!,
    };
    const lambda = client((c) => new LambdaClient(c), session);
    const listed = await lambda.send(new ListFunctionsCommand({}));
    expect(listed.Functions?.map((f) => [f.FunctionName, f.FunctionArn])).toEqual([
      ["member-fn", `arn:aws:lambda:us-east-1:${MEMBER}:function:member-fn`],
    ]);
    const plain = await client((c) => new LambdaClient(c)).send(new ListFunctionsCommand({}));
    expect(plain.Functions?.map((f) => f.FunctionName)).toEqual(["mgmt-fn"]);
    const who = await client((c) => new STSClient(c), session).send(
      new GetCallerIdentityCommand({}),
    );
    expect(who.Account).toBe(MEMBER);
    expect(
      emulator
        .requests()
        .filter((r) => r.action === "lambda:ListFunctions")
        .map((r) => r.accountId),
    ).toEqual([MEMBER, MGMT]);
  });

  it("refuses a role the account does not list, and an account not in the config, with STS's AccessDenied", async () => {
    for (const [accountId, role] of [
      [LOCKED, "OrganizationAccountAccessRole"],
      ["444444444444", "OrganizationAccountAccessRole"],
    ] as const) {
      const error = (await assume(accountId, role).then(
        () => undefined,
        (e: unknown) => e,
      )) as (Error & { $metadata: { httpStatusCode: number } }) | undefined;
      expect(error).toBeInstanceOf(Error);
      expect(error?.name).toBe("AccessDenied");
      expect(error?.$metadata.httpStatusCode).toBe(403);
      expect(error?.message).toBe(
        `User: arn:aws:iam::${MGMT}:user/emulator is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::${accountId}:role/${role}`,
      );
    }
    expect((await assume(LOCKED, "Auditor")).Credentials?.AccessKeyId).toMatch(/^ASIA333333333333/);
  });

  it("lists every account 20 a page, ACTIVE, management first; a member may not list", async () => {
    const orgs = client((c) => new OrganizationsClient(c));
    const ids: string[] = [];
    let pages = 0;
    for await (const page of paginateListAccounts({ client: orgs }, {})) {
      pages += 1;
      for (const a of page.Accounts ?? []) {
        expect(a.State).toBe("ACTIVE");
        ids.push(a.Id!);
      }
    }
    expect(pages).toBe(2);
    expect(ids.slice(0, 3)).toEqual([MGMT, MEMBER, LOCKED]);
    expect(ids).toHaveLength(24);
    const creds = (await assume(MEMBER)).Credentials!;
    const member = client((c) => new OrganizationsClient(c), {
      accessKeyId: creds.AccessKeyId!,
      secretAccessKey: creds.SecretAccessKey!,
      sessionToken: creds.SessionToken!,
    });
    await expect(member.send(new ListAccountsCommand({}))).rejects.toMatchObject({
      name: "AccessDeniedException",
      $metadata: { httpStatusCode: 400 },
    });
  });

  it("Cost Explorer bills the month from the history, with the configured adjustment", async () => {
    const ce = client((c) => new CostExplorerClient(c));
    const out = await ce.send(
      new GetCostAndUsageCommand({
        TimePeriod: { Start: "2026-10-01", End: "2026-11-01" },
        Granularity: "MONTHLY",
        Metrics: ["UnblendedCost", "UsageQuantity"],
        Filter: { Dimensions: { Key: "SERVICE", Values: ["AWS Lambda"] } },
        GroupBy: [
          { Type: "DIMENSION", Key: "LINKED_ACCOUNT" },
          { Type: "DIMENSION", Key: "USAGE_TYPE" },
        ],
      }),
    );
    const groups = out.ResultsByTime?.[0]?.Groups ?? [];
    const find = (account: string, type: string) =>
      groups.find((g) => g.Keys?.[0] === account && g.Keys?.[1] === type)?.Metrics;
    // Each account: 100,000 × 31 = 3,100,000 invocations, billed ms 3,100,000 × (99.5 + 0.5)
    // = 310,000,000 → 310,000 GB-s at 1 GB. Organisation: 6.2M requests, 620,000 GB-s; one free
    // tier shared half each: 500,000 requests and 200,000 GB-s per account.
    // Requests (2,600,000 billed) × $0.0000002 = $0.52; GB-s 110,000 × $0.0000166667 = $1.833337.
    expect(find(MGMT, "Request")).toEqual({
      UnblendedCost: { Amount: "0.52", Unit: "USD" },
      UsageQuantity: { Amount: "3100000", Unit: "N/A" },
    });
    expect(find(MGMT, "Lambda-GB-Second")?.UnblendedCost?.Amount).toBe("1.833337");
    // The member's duration carries the +$3.20 adjustment: 1.833337 + 3.2 = 5.033337.
    expect(find(MEMBER, "Lambda-GB-Second")?.UnblendedCost?.Amount).toBe("5.033337");
    expect(
      out.DimensionValueAttributes?.find((d) => d.Value === MEMBER)?.Attributes?.description,
    ).toBe("payments");
  });

  it("the adapter's credentials are renewed 5 minutes before they expire, not before", async () => {
    let clock = Date.now();
    const role = assumeRole({
      connection: {
        region: "us-east-1",
        endpointUrl: emulator.endpoint,
        credentials: PLAIN,
        maxAttempts: 1,
      },
      accountId: MEMBER,
      roleName: "OrganizationAccountAccessRole",
      now: () => clock,
    });
    const first = await role.credentials();
    clock += 54 * 60_000; // 6 minutes before expiry: still good
    expect(await role.credentials()).toBe(first);
    clock += 2 * 60_000; // 4 minutes before expiry: renewed
    const second = await role.credentials();
    expect(second.accessKeyId).not.toBe(first.accessKeyId);
    expect(second.accessKeyId).toMatch(/^ASIA222222222222/);
    expect(role.calls()).toBe(2);
    role.destroy();
  });
});
