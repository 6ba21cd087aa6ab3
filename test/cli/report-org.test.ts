/**
 * `report --org | --merge | --reconcile` in process against a multi-account emulator, with the
 * real SDK over HTTP: pooled tiers across accounts, one free tier, a failed AssumeRole, the
 * reconciliation finding the differences where the emulator put them, and the merge path.
 */
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AssumeRoleCommand, STSClient } from "@aws-sdk/client-sts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator } from "../../src/emulator/http-server.js";
import type { EmulatorHandle } from "../../src/emulator/types.js";
import { loadLambdaPriceTable } from "../../src/prices/lambda-prices.js";
import { expectOneLineExit2, runInProcess } from "./run-in-process.js";

const MGMT = "111111111111";
const A = "222222222222";
const B = "333333333333";
const C = "444444444444";
const PLAIN = { AWS_ACCESS_KEY_ID: "x", AWS_SECRET_ACCESS_KEY: "y", AWS_REGION: "us-east-1" };

// A and C each run one x86_64 function in us-east-1 at 10,240 MB (10 GB): 1,000,000 invocations
// a day × 31 days = 31,000,000, avg 9,999.5 ms → billed 10,000 ms each → 310,000,000 s × 10 GB
// = 3,100,000,000 GB-s per account. Alone, each stays in tier 1 (first 6e9 GB-s):
// 3.1e9 × $0.0000166667 = $51,666.77. Together the organisation's pool is 6.2e9 GB-s:
// 6e9 × 0.0000166667 + 0.2e9 × 0.000015 = 100,000.2 + 3,000 = $103,000.2, so each account's
// duration is half: $51,500.10.
// One free tier for the organisation: 1M requests shared 1/2 each (500,000 × $0.0000002 = $0.10)
// and 400,000 GB-s shared 1/2 each at the blended rate: 200,000 × 103,000.2 / 6.2e9
// = $3.322587096774…; credit per account 3.422587096774… → $3.422587.
// Account total: requests 31,000,000 × 0.0000002 = 6.2, + 51,500.1 − 3.422587096774
// = $51,502.877412903… → 51502.877413.
const big = {
  name: "ingest",
  memorySize: 10_240,
  timeout: 900,
  history: [{ month: "2026-10", invocationsPerDay: 1_000_000, avgDurationMs: 9999.5 }],
};

let emulator: EmulatorHandle;
beforeAll(async () => {
  emulator = await startEmulator({
    priceTable: loadLambdaPriceTable(),
    now: () => Date.parse("2026-11-15T00:00:00Z"),
    config: {
      accountId: MGMT,
      functions: [{ name: "idle", architecture: "arm64" }],
      accounts: [
        { accountId: A, name: "payments", functions: [big] },
        { accountId: B, name: "locked", roles: ["Auditor"], functions: [{ name: "quiet" }] },
        { accountId: C, name: "search", functions: [big] },
      ],
      billedAdjustments: [
        // INIT billed on A's duration; a SnapStart restore on C the report does not estimate.
        { accountId: A, month: "2026-10", usageType: "Lambda-GB-Second", amountUsd: "3.20" },
        {
          accountId: C,
          month: "2026-10",
          usageType: "Lambda-SnapStart-Restore",
          amountUsd: "1.50",
        },
      ],
    },
  });
});
afterAll(() => emulator.close());

const base = () => ["report", "--month", "2026-10", "--endpoint-url", emulator.endpoint];

describe("report --org against a multi-account emulator", () => {
  it("prices every account on the organisation's pools and one free tier, names the account it could not enter, exits 1", async () => {
    const outDir = await mkdtemp(join(tmpdir(), "report-org-"));
    const result = await runInProcess(
      [...base(), "--org", "--out-dir", outDir, "--reconcile"],
      PLAIN,
    );
    expect(result.code, result.stderr).toBe(1);
    // One AssumeRole per member account (the management account is read with the caller's own
    // credentials), each session reused for all of that account's calls.
    const assumed = emulator.requests().filter((r) => r.action === "sts:AssumeRole");
    expect(assumed.map((r) => r.status).sort()).toEqual([200, 200, 403]);
    expect(result.stderr).toContain("account 333333333333 could not be read");
    expect(result.stdout).toContain(
      `FAILED: account ${B} is not in this report: cannot assume arn:aws:iam::${B}:role/OrganizationAccountAccessRole`,
    );
    expect(result.stdout).toContain("organisation 111111111111 · 3 of 4 accounts, 3 functions");
    const org = await readFile(join(outDir, `lambda-cost-2026-10-org-${MGMT}.csv`), "utf8");
    const rowOf = (text: string, account: string) =>
      text.split("\n").find((line) => line.startsWith(`2026-10,${account},`));
    // requests, duration, storage, PC, free tier, total
    expect(rowOf(org, A)).toContain(
      ",31000000,309984500000.000,9999.500,3100000000.000000,6.200000,51500.100000,0.000000,0.000000,3.422587,51502.877413,",
    );
    expect(rowOf(org, C)).toContain(
      ",6.200000,51500.100000,0.000000,0.000000,3.422587,51502.877413,",
    );
    expect(rowOf(org, B)).toBeUndefined();
    // The per-account CSV has the same row, under the same header as `report` writes.
    const own = await readFile(join(outDir, `lambda-cost-2026-10-${A}.csv`), "utf8");
    expect(own.split("\n")[0]).toBe(org.split("\n")[0]);
    expect(rowOf(own, A)).toBe(rowOf(org, A));
    // Reconciliation: A's duration is $3.20 over (INIT), C has $1.50 of usage the report does not
    // estimate; everything else matches to the cent. One Cost Explorer request, $0.01.
    const rec = await readFile(join(outDir, `lambda-cost-2026-10-reconcile-${MGMT}.csv`), "utf8");
    const line = (account: string, name: string) =>
      rec.split("\n").find((l) => l.startsWith(`2026-10,${account},${name},`));
    expect(line(A, "us-east-1 x86_64 duration")).toMatch(
      /,51496\.777413,51499\.977413,3\.200000,0\.01,3100000000\.000000,3100000000\.000000,INIT time is billed/,
    );
    expect(line(A, "us-east-1 x86_64 requests")).toContain(",6.100000,6.100000,0.000000,");
    expect(line(C, "other")).toMatch(
      /,Lambda-SnapStart-Restore,0\.000000,1\.500000,1\.500000,,,,"usage the report does not estimate/,
    );
    expect(line(C, "total")).toContain(",1.500000,");
    expect(result.stdout).toContain(
      "Cost Explorer: 1 GetCostAndUsage request, $0.01 at $0.01 each.",
    );
  });

  it("merges per-account report JSON files into the same organisation report", async () => {
    const dir = await mkdtemp(join(tmpdir(), "report-merge-"));
    const sts = new STSClient({
      region: "us-east-1",
      endpoint: emulator.endpoint,
      credentials: { accessKeyId: "x", secretAccessKey: "y" },
    });
    for (const account of [A, C]) {
      const { Credentials: c } = await sts.send(
        new AssumeRoleCommand({
          RoleArn: `arn:aws:iam::${account}:role/OrganizationAccountAccessRole`,
          RoleSessionName: "test",
        }),
      );
      const one = await runInProcess([...base(), "--format", "json", "--out-dir", dir], {
        AWS_ACCESS_KEY_ID: c!.AccessKeyId!,
        AWS_SECRET_ACCESS_KEY: c!.SecretAccessKey!,
        AWS_SESSION_TOKEN: c!.SessionToken!,
        AWS_REGION: "us-east-1",
      });
      expect(one.code, one.stderr).toBe(0);
      await writeFile(join(dir, `lambda-cost-2026-10-${account}.json`), one.stdout);
    }
    sts.destroy();
    const outDir = await mkdtemp(join(tmpdir(), "report-merged-"));
    const merged = await runInProcess([...base(), "--merge", dir, "--out-dir", outDir], PLAIN);
    expect(merged.code, merged.stderr).toBe(0);
    const org = await readFile(join(outDir, `lambda-cost-2026-10-org-${MGMT}.csv`), "utf8");
    expect(org.split("\n").filter((l) => l.includes(",51502.877413,"))).toHaveLength(2);
    expect(merged.stdout).toContain("merged from 2 report files");
  });

  it("--reconcile for one account compares it with its own usage types, and says why a member priced alone differs", async () => {
    const sts = new STSClient({
      region: "us-east-1",
      endpoint: emulator.endpoint,
      credentials: { accessKeyId: "x", secretAccessKey: "y" },
    });
    const { Credentials: c } = await sts.send(
      new AssumeRoleCommand({
        RoleArn: `arn:aws:iam::${A}:role/OrganizationAccountAccessRole`,
        RoleSessionName: "test",
      }),
    );
    sts.destroy();
    const outDir = await mkdtemp(join(tmpdir(), "report-rec-"));
    const result = await runInProcess([...base(), "--reconcile", "--out-dir", outDir], {
      AWS_ACCESS_KEY_ID: c!.AccessKeyId!,
      AWS_SECRET_ACCESS_KEY: c!.SecretAccessKey!,
      AWS_SESSION_TOKEN: c!.SessionToken!,
      AWS_REGION: "us-east-1",
    });
    expect(result.code, result.stderr).toBe(0);
    const rec = await readFile(join(outDir, `lambda-cost-2026-10-reconcile-${A}.csv`), "utf8");
    const duration = rec.split("\n").find((l) => l.includes(",us-east-1 x86_64 duration,"));
    // Alone, A pays tier 1 and has the whole free tier: 3.1e9 × 0.0000166667 − 400,000 ×
    // 0.0000166667 = 51,666.77 − 6.66668 = 51,660.10332. The bill pools it with C (blended
    // 0.000016612935…, half the free tier): 51,496.777413 + the $3.20 adjustment = 51,499.977413.
    expect(duration).toContain(",51660.103320,51499.977413,-160.125907,");
    expect(duration).toContain(
      "consolidated billing: tiers and the free tier count the whole organisation's usage",
    );
    expect(result.stdout).toContain(
      "Cost Explorer: 1 GetCostAndUsage request, $0.01 at $0.01 each.",
    );
  });

  it("refuses bad account input before any AWS call (exit 2, one line)", async () => {
    const before = emulator.requests().length;
    const dir = await mkdtemp(join(tmpdir(), "report-bad-"));
    const file = join(dir, "accounts.txt");
    await writeFile(file, "222222222222\nnot-an-id\n");
    expectOneLineExit2(
      await runInProcess([...base(), "--accounts", "12345"], PLAIN),
      /"12345" is not an account ID/,
      expect,
    );
    expectOneLineExit2(
      await runInProcess([...base(), "--accounts-file", file], PLAIN),
      /line 2 "not-an-id" is not a 12-digit account ID/,
      expect,
    );
    expectOneLineExit2(
      await runInProcess([...base(), "--org", "--accounts", A], PLAIN),
      /--org and --accounts are alternatives/,
      expect,
    );
    expectOneLineExit2(
      await runInProcess([...base(), "--merge", dir], PLAIN),
      /no lambda-cost-2026-10-<account-id>\.json in it/,
      expect,
    );
    // Nested past the 64 levels every other user file is held to (docs/cli.md).
    const deepDir = await mkdtemp(join(tmpdir(), "report-deep-"));
    await writeFile(
      join(deepDir, "lambda-cost-2026-10-111122223333.json"),
      `{"month":"2026-10","accountId":"111122223333","regions":${"[".repeat(100)}${"]".repeat(100)},"rows":[]}`,
    );
    expectOneLineExit2(
      await runInProcess([...base(), "--merge", deepDir], PLAIN),
      /lambda-cost-2026-10-111122223333\.json: nested more than 64 deep; flatten it/,
      expect,
    );
    expect(emulator.requests().length).toBe(before);
  });
});
