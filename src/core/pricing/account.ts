/**
 * The state an account accumulates while its functions are priced one by one: GB-s per tier
 * pool (region + architecture) and what is left of the monthly free tier. Keeping it in one
 * place is what makes a scenario one bill rather than a sum of separate bills.
 */
import { Decimal, ZERO } from "../money/index.js";
import type { Architecture, LambdaPriceTable } from "./types.js";

export class AccountState {
  private readonly poolGbSeconds = new Map<string, Decimal>();
  freeRequestsLeft: Decimal;
  freeGbSecondsLeft: Decimal;
  readonly freeRequestsTotal: Decimal;
  readonly freeGbSecondsTotal: Decimal;

  /** Response-streaming GiB still free this month (one allowance per account). */
  freeStreamingGbLeft: Decimal;
  readonly freeStreamingGbTotal: Decimal;
  private readonly logsGb = new Map<string, Decimal>();

  /**
   * `streamingFreeGib` overrides the streaming allowance (default: the table's with the free
   * tier on, none with it off).
   */
  constructor(table: LambdaPriceTable, freeTier: boolean, streamingFreeGib?: number) {
    this.freeRequestsTotal = freeTier ? table.freeTier.requestsPerMonth : ZERO;
    this.freeGbSecondsTotal = freeTier ? table.freeTier.gbSecondsPerMonth : ZERO;
    this.freeRequestsLeft = this.freeRequestsTotal;
    this.freeGbSecondsLeft = this.freeGbSecondsTotal;
    this.freeStreamingGbTotal =
      streamingFreeGib !== undefined
        ? new Decimal(streamingFreeGib)
        : freeTier
          ? (table.freeTier.responseStreamingGibPerMonth ?? ZERO)
          : ZERO;
    this.freeStreamingGbLeft = this.freeStreamingGbTotal;
  }

  /** Takes up to `gb` free streaming GiB; returns how many were free. */
  takeFreeStreamingGb(gb: Decimal): Decimal {
    const free = Decimal.min(this.freeStreamingGbLeft, gb);
    this.freeStreamingGbLeft = this.freeStreamingGbLeft.minus(free);
    return free;
  }

  /** Log GB of one class already ingested in a region this month (its tier position). */
  logsIngested(region: string, logClass: string): Decimal {
    return this.logsGb.get(`${region}/${logClass}`) ?? ZERO;
  }

  recordLogs(region: string, logClass: string, gb: Decimal): void {
    this.logsGb.set(`${region}/${logClass}`, this.logsIngested(region, logClass).plus(gb));
  }

  /** Takes up to `requests` free requests; returns how many were free. */
  takeFreeRequests(requests: Decimal): Decimal {
    const free = Decimal.min(this.freeRequestsLeft, requests);
    this.freeRequestsLeft = this.freeRequestsLeft.minus(free);
    return free;
  }

  /** Takes up to `gbSeconds` free GB-s; returns how many were free. */
  takeFreeGbSeconds(gbSeconds: Decimal): Decimal {
    const free = Decimal.min(this.freeGbSecondsLeft, gbSeconds);
    this.freeGbSecondsLeft = this.freeGbSecondsLeft.minus(free);
    return free;
  }

  /** On-demand GB-s already used this month in one tier pool. */
  used(region: string, architecture: Architecture): Decimal {
    return this.poolGbSeconds.get(`${region}/${architecture}`) ?? ZERO;
  }

  /** Records GB-s (free or not: free GB-s are still usage) against a tier pool. */
  record(region: string, architecture: Architecture, gbSeconds: Decimal): void {
    const key = `${region}/${architecture}`;
    this.poolGbSeconds.set(key, this.used(region, architecture).plus(gbSeconds));
  }
}
