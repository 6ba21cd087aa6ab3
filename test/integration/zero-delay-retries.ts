/**
 * The SDK's standard retry strategy (same retryable errors, attempt limit and retry capacity)
 * with every wait removed: no exponential backoff and no honouring of Retry-After. Tests that
 * check *that* throttled calls are retried pass this, so they do not sleep through real backoff.
 */
import type { RetryErrorInfo, RetryStrategyV2, StandardRetryToken } from "@aws-sdk/types";
import { StandardRetryStrategy } from "@smithy/core/retry";

class ZeroDelayRetryStrategy extends StandardRetryStrategy {
  override refreshRetryTokenForRetry(
    token: StandardRetryToken,
    errorInfo: RetryErrorInfo,
  ): Promise<StandardRetryToken> {
    const { retryAfterHint: _ignored, ...rest } = errorInfo;
    return super.refreshRetryTokenForRetry(token, rest);
  }
}

export function zeroDelayRetries(maxAttempts: number): RetryStrategyV2 {
  return new ZeroDelayRetryStrategy({
    maxAttempts,
    backoff: { computeNextBackoffDelay: () => 0, setDelayBase: () => {} },
  });
}
