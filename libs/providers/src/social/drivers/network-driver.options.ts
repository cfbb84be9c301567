/** What every real network driver is built with. */
export interface NetworkDriverOptions {
  clientId: string;
  clientSecret: string;
  /** Where the consent page and (except X) the token endpoint live. */
  authBase: string;
  apiBase: string;
  /** Deadline of one HTTP call; a create without an answer by then is `unconfirmed`. */
  timeoutMs: number;
}

/** A token response's `expires_in` (seconds) as a date; null when the network gave none. */
export function expiresAt(expiresIn: unknown, now = Date.now()): Date | null {
  return typeof expiresIn === 'number' && expiresIn > 0 ? new Date(now + expiresIn * 1000) : null;
}
