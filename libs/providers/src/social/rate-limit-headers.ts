import type { NetworkRateLimit } from './social-network.port';

type Headers = Record<string, string | string[] | undefined>;

const header = (headers: Headers, name: string): string | undefined => {
  const value = headers[name] ?? headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
};
const int = (value: string | undefined): number | null =>
  value !== undefined && /^\d+$/.test(value.trim()) ? Number(value) : null;

/** X: `x-rate-limit-limit`, `-remaining`, `-reset` (unix seconds). */
export function xRateLimit(headers: Headers): NetworkRateLimit | null {
  const limit = int(header(headers, 'x-rate-limit-limit'));
  const remaining = int(header(headers, 'x-rate-limit-remaining'));
  const reset = int(header(headers, 'x-rate-limit-reset'));
  if (limit === null && remaining === null && reset === null) return null;
  return {
    limit,
    remaining,
    resetAt: reset === null ? null : new Date(reset * 1000),
    usagePercent:
      limit && remaining !== null ? Math.round(((limit - remaining) / limit) * 100) : null,
  };
}

interface MetaUsage {
  call_count?: number;
  total_cputime?: number;
  total_time?: number;
  estimated_time_to_regain_access?: number;
}

/**
 * Meta: `X-App-Usage {call_count,total_cputime,total_time}` and
 * `X-Business-Use-Case-Usage {"<id>":[{…, estimated_time_to_regain_access}]}`, in percent.
 * The highest figure is the one that throttles; at 100 calls stop until the regain time.
 */
export function metaRateLimit(headers: Headers, now = new Date()): NetworkRateLimit | null {
  const usages: MetaUsage[] = [];
  const app = parseJson<MetaUsage>(header(headers, 'x-app-usage'));
  if (app) usages.push(app);
  const business = parseJson<Record<string, MetaUsage[]>>(
    header(headers, 'x-business-use-case-usage'),
  );
  if (business) for (const list of Object.values(business)) usages.push(...(list ?? []));
  if (usages.length === 0) return null;
  const percent = Math.max(
    ...usages.flatMap((u) => [u.call_count ?? 0, u.total_cputime ?? 0, u.total_time ?? 0]),
  );
  const regainMinutes = Math.max(0, ...usages.map((u) => u.estimated_time_to_regain_access ?? 0));
  return {
    limit: null,
    remaining: null,
    resetAt: regainMinutes > 0 ? new Date(now.getTime() + regainMinutes * 60_000) : null,
    usagePercent: percent,
  };
}

function parseJson<T>(value: string | undefined): T | null {
  if (!value) return null;
  try {
    const parsed: unknown = JSON.parse(value);
    return parsed && typeof parsed === 'object' ? (parsed as T) : null;
  } catch {
    return null;
  }
}
