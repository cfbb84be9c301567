import { JobSourceError, type NormalizedPosting } from '../job-source.port';

export interface SourceHttpOptions {
  timeoutMs: number;
  headers?: Record<string, string>;
  method?: 'GET' | 'POST';
  body?: string;
}

/**
 * GET/POST a JSON body from a source. 429 and 5xx (with Retry-After), timeouts
 * and connection errors are retryable JobSourceErrors; a body that is not
 * JSON, or another 4xx, is a non-retryable one.
 */
export async function fetchSourceJson(
  source: string,
  url: string,
  options: SourceHttpOptions,
): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: options.method ?? 'GET',
      headers: { accept: 'application/json', ...options.headers },
      body: options.body,
      signal: AbortSignal.timeout(options.timeoutMs),
      redirect: 'follow',
    });
  } catch (error) {
    const name = (error as { name?: unknown } | null)?.name;
    const timeout = name === 'TimeoutError' || name === 'AbortError';
    throw new JobSourceError(
      source,
      timeout
        ? `timed out after ${options.timeoutMs} ms`
        : `unreachable (${String((error as Error).message ?? error)})`,
      true,
    );
  }
  if (response.status === 429 || response.status >= 500) {
    const retryAfter = Number(response.headers.get('retry-after'));
    await response.body?.cancel().catch(() => undefined);
    throw new JobSourceError(
      source,
      `answered ${response.status}`,
      true,
      Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
      response.status,
    );
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    throw new JobSourceError(
      source,
      `answered ${response.status}`,
      false,
      undefined,
      response.status,
    );
  }
  let text: string;
  try {
    text = await response.text();
  } catch {
    throw new JobSourceError(source, 'the body was cut off', true);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new JobSourceError(source, 'the body is not JSON', false);
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function str(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

export function num(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && value.trim() !== '') {
    const n = Number(value);
    return Number.isFinite(n) ? n : null;
  }
  return null;
}

export function strings(value: unknown): string[] {
  return Array.isArray(value)
    ? value
        .filter((v): v is string => typeof v === 'string' && v.trim() !== '')
        .map((v) => v.trim())
    : [];
}

/** What `mapItems` kept: at most `max` postings, and how many items were malformed. */
export interface MappedItems {
  postings: NormalizedPosting[];
  skipped: number;
  /** True when `max` stopped the walk before the end of `items`. */
  capped: boolean;
}

/**
 * Maps a source's raw items to postings: a non-object item or one `map` refuses
 * (null) counts as skipped; `drop` (e.g. RemoteOK's legal notice, Ashby's unlisted
 * jobs) leaves an item out uncounted. Stops at `max` postings.
 */
export function mapItems(
  items: unknown[],
  map: (item: Record<string, unknown>) => NormalizedPosting | null,
  max: number,
  drop: (item: Record<string, unknown>) => boolean = () => false,
): MappedItems {
  const postings: NormalizedPosting[] = [];
  let skipped = 0;
  for (const item of items) {
    if (postings.length >= max) return { postings, skipped, capped: true };
    if (isRecord(item) && drop(item)) continue;
    const posting = isRecord(item) ? map(item) : null;
    if (posting) postings.push(posting);
    else skipped += 1;
  }
  return { postings, skipped, capped: false };
}

/** A base URL without its trailing slash. */
export function trimBase(url: string): string {
  return url.replace(/\/+$/, '');
}
