/**
 * The openai SDK waits as long as a 429/5xx's `retry-after` says before its
 * next retry, however long that is. This wrapper marks such answers
 * `x-should-retry: false` when the wait exceeds `maxWaitMs`, so the request
 * fails fast (and the API answers 503 with the provider's retry-after)
 * instead of holding a request open for minutes.
 */
export function capRetryAfter(fetchImpl: typeof fetch, maxWaitMs: number): typeof fetch {
  return async (input, init) => {
    const response = await fetchImpl(input, init);
    if (response.ok) return response;
    const waitMs = retryAfterMs(response.headers);
    if (waitMs === undefined || waitMs <= maxWaitMs) return response;
    const headers = new Headers(response.headers);
    headers.set('x-should-retry', 'false');
    return new Response(response.body, {
      status: response.status,
      statusText: response.statusText,
      headers,
    });
  };
}

/** What `retry-after-ms` / `retry-after` (seconds or an HTTP date) ask for, in ms. */
export function retryAfterMs(headers: Headers | undefined): number | undefined {
  const ms = Number.parseFloat(headers?.get('retry-after-ms') ?? '');
  if (!Number.isNaN(ms)) return ms;
  const value = headers?.get('retry-after');
  if (!value) return undefined;
  const seconds = Number.parseFloat(value);
  if (!Number.isNaN(seconds)) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}
