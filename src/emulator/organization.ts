/**
 * Several accounts in one emulator (issue 15): one EmulatorState per account, and the STS
 * sessions that say which account a request acts in. AssumeRole hands out an access key that
 * names its account (`ASIA` + the 12-digit account + a 4-digit serial, 20 characters as AWS's
 * are); any other key — the caller's own, plain credentials — acts in the management account
 * (the config's top-level `accountId`), as long-term credentials act in the account that owns them.
 */
import type { LambdaPriceTable } from "../core/pricing/types.js";
import { EmulatorState } from "./state.js";
import type { EmulatedAccountConfig, EmulatorConfig } from "./types.js";

export const DEFAULT_ROLE = "OrganizationAccountAccessRole";

export interface StsSession {
  accountId: string;
  roleName: string;
  sessionName: string;
  expiresAtMs: number;
}

export class EmulatorOrganization {
  readonly config: EmulatorConfig;
  readonly managementAccountId: string;
  /** True when the config names `accounts` (records then carry the account). */
  readonly multiAccount: boolean;
  private readonly states = new Map<string, EmulatorState>();
  private readonly members = new Map<string, EmulatedAccountConfig>();
  private readonly sessions = new Map<string, StsSession>();
  private serial = 0;
  /** What Cost Explorer prices the billed month with (none: it has no data). */
  readonly priceTable: LambdaPriceTable | undefined;

  constructor(config: EmulatorConfig, now: () => number, priceTable?: LambdaPriceTable) {
    this.config = config;
    this.priceTable = priceTable;
    this.managementAccountId = config.accountId;
    this.multiAccount = config.accounts !== undefined;
    const own = config.accounts?.find((a) => a.accountId === config.accountId);
    this.states.set(
      config.accountId,
      new EmulatorState(
        { ...config, functions: [...config.functions, ...(own?.functions ?? [])] },
        now,
      ),
    );
    for (const account of config.accounts ?? []) {
      this.members.set(account.accountId, account);
      if (account.accountId === config.accountId) continue;
      this.states.set(
        account.accountId,
        new EmulatorState(
          { ...config, accountId: account.accountId, functions: account.functions },
          now,
        ),
      );
    }
  }

  /** The management account's state: what plain credentials see (and the single-account form). */
  get management(): EmulatorState {
    return this.states.get(this.managementAccountId)!;
  }

  state(accountId: string): EmulatorState | undefined {
    return this.states.get(accountId);
  }

  /** Every account, management first then by ID: Organizations ListAccounts' order here. */
  accountIds(): string[] {
    const others = [...this.states.keys()].filter((id) => id !== this.managementAccountId).sort();
    return [this.managementAccountId, ...others];
  }

  member(accountId: string): EmulatedAccountConfig | undefined {
    return this.members.get(accountId);
  }

  /** Roles AssumeRole may take in `accountId`; none for an account the config does not have. */
  rolesOf(accountId: string): string[] {
    if (!this.states.has(accountId)) return [];
    return this.members.get(accountId)?.roles ?? [DEFAULT_ROLE];
  }

  /** A new session's access key, naming its account: `ASIA111122223333` + a 4-digit serial. */
  openSession(session: StsSession): string {
    this.serial = (this.serial + 1) % 10_000;
    const accessKeyId = `ASIA${session.accountId}${String(this.serial).padStart(4, "0")}`;
    this.sessions.set(accessKeyId, session);
    return accessKeyId;
  }

  /** The session behind an access key, if STS issued it. */
  session(accessKeyId: string | undefined): StsSession | undefined {
    return accessKeyId === undefined ? undefined : this.sessions.get(accessKeyId);
  }

  /** The account a SigV4-signed request acts in. */
  accountOf(authorization: string | undefined): string {
    return (
      this.session(accessKeyFromAuthorization(authorization))?.accountId ?? this.managementAccountId
    );
  }

  stateFor(authorization: string | undefined): EmulatorState {
    return this.states.get(this.accountOf(authorization)) ?? this.management;
  }

  wakeAll(): void {
    for (const state of this.states.values()) state.wakeAll();
  }
}

/** `Credential=AKID/20261126/us-east-1/sts/aws4_request` → AKID. */
export function accessKeyFromAuthorization(header: string | undefined): string | undefined {
  return /Credential=([^/,\s]+)\//.exec(header ?? "")?.[1];
}
