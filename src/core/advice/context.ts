/** What every advice rule reads besides the function's evidence. */
import type { LambdaPriceTable } from "../pricing/types.js";
import type { FreeTierPosition, LogsRates } from "./rates.js";
import type { AdviceWindow } from "./types.js";

export interface RuleContext {
  window: AdviceWindow;
  table: LambdaPriceTable;
  /** CloudWatch Logs prices of the function's region; undefined = not in the price table. */
  logsRates: LogsRates | undefined;
  freeTier: FreeTierPosition;
  /** Below this many invocations in the window only the PC and log checks run. */
  minInvocations: number;
}
