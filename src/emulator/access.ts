/** The emulator's IAM check: `allowedActions` entries may use `*` as IAM does (`lambda:Get*`). */
import { ApiError, cloudwatchError, lambdaError } from "./http.js";
import { logsError } from "./logs-errors.js";
import type { EmulatorState } from "./state.js";

export function checkAccess(
  state: EmulatorState,
  action: string,
  region: string,
  service: "lambda" | "cloudwatch" | "ecr" | "logs",
): void {
  if (isAllowed(state, action)) return;
  const message = `User: arn:aws:iam::${state.config.accountId}:user/emulator is not authorized to perform: ${action} on resource: arn:aws:${service}:${region}:${state.config.accountId}:* because no identity-based policy allows the ${action} action`;
  if (service === "ecr") throw new ApiError(400, "AccessDeniedException", message);
  if (service === "logs") throw logsError("AccessDeniedException", message);
  throw service === "lambda"
    ? lambdaError("AccessDeniedException", message)
    : cloudwatchError("AccessDenied", message);
}

/** Whether `allowedActions` (if any) lets `action` through. */
export function isAllowed(state: EmulatorState, action: string): boolean {
  const allowed = state.config.allowedActions;
  if (allowed === undefined) return true;
  return allowed.some((pattern) =>
    new RegExp(`^${pattern.split("*").map(escapeRegExp).join(".*")}$`, "i").test(action),
  );
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
