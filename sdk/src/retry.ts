export interface RetryOptions {
  /** Retries after a 429 (default 3); 0 turns retrying off. */
  maxRetries?: number;
  /** The longest wait honoured, in ms (default 60 000): a longer Retry-After is not waited for. */
  maxDelayMs?: number;
}

type Fetch = (input: Request) => Promise<Response>;

/**
 * Wraps fetch: a 429 is retried after its `Retry-After` (seconds or an HTTP date), at most
 * `maxRetries` times, and never waiting longer than `maxDelayMs`; then the 429 is returned.
 */
export function retryingOn429(fetch: Fetch, options: RetryOptions = {}): Fetch {
  const maxRetries = options.maxRetries ?? 3;
  const maxDelayMs = options.maxDelayMs ?? 60_000;
  return async (request) => {
    for (let attempt = 0; ; attempt += 1) {
      const response = await fetch(request.clone());
      if (response.status !== 429 || attempt >= maxRetries) return response;
      const delay = retryAfterMs(response.headers.get('retry-after'), attempt);
      if (delay > maxDelayMs) return response;
      await response.body?.cancel();
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  };
}

function retryAfterMs(header: string | null, attempt: number): number {
  if (header && /^\d+$/.test(header.trim())) return Number(header) * 1000;
  const date = header ? Date.parse(header) : NaN;
  if (!Number.isNaN(date)) return Math.max(0, date - Date.now());
  return 2 ** attempt * 500; // no usable header: back off 0.5 s, 1 s, 2 s…
}
