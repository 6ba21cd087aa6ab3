/**
 * Weighted payloads, invoked in proportion: `[{ "payload": …, "weight": 3 }, …]`. Each size gets
 * its own smooth weighted round-robin (the nginx upstream algorithm), so every size sees the
 * same mix in the same order and any prefix of n invocations is within one of n·w/Σw per payload.
 */

export interface WeightedPayload {
  /** The JSON text sent as the Invoke body. */
  payload: string;
  weight: number;
}

export type PayloadPicker = () => string;

export function createPayloadPicker(payloads: readonly WeightedPayload[]): PayloadPicker {
  if (payloads.length === 0) return () => "{}";
  const total = payloads.reduce((sum, p) => sum + p.weight, 0);
  const current = payloads.map(() => 0);
  return () => {
    let best = 0;
    for (let i = 0; i < payloads.length; i++) {
      current[i] = (current[i] ?? 0) + (payloads[i]?.weight ?? 0);
      if ((current[i] ?? 0) > (current[best] ?? 0)) best = i;
    }
    current[best] = (current[best] ?? 0) - total;
    return payloads[best]?.payload ?? "{}";
  };
}
