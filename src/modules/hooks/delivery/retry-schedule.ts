/** Waits are spread ±20 % so a recovering receiver is not hit by every retry at once. */
const JITTER = 0.2;
/** A receiver's Retry-After is honoured up to a day. */
const MAX_RETRY_AFTER_MS = 86_400_000;

/**
 * How long to wait after failed attempt `attempt` (1-based): the configured
 * schedule's step with jitter, at least what the receiver's Retry-After asked (up to a day).
 * Undefined when the schedule is used up.
 */
export function nextRetryDelay(
  schedule: readonly number[],
  attempt: number,
  retryAfterMs?: number,
  random: () => number = Math.random,
): number | undefined {
  const step = schedule[attempt - 1];
  if (step === undefined) return undefined;
  const jittered = Math.round(step * (1 - JITTER + 2 * JITTER * random()));
  return Math.max(jittered, Math.min(retryAfterMs ?? 0, MAX_RETRY_AFTER_MS));
}
