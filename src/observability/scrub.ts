/**
 * Removes credentials from an error report before it leaves the process:
 * values under sensitive keys (authorization, cookies, passwords, tokens,
 * secrets, API keys) and anything in any string that looks like a bearer
 * token, a JWT or one of our API keys.
 */
export const REDACTED = '[redacted]';

const SENSITIVE_KEY =
  /authorization|cookie|passw(or)?d|secret|token|api[-_]?key|credential|signature|dsn|session/i;
const SECRET_IN_TEXT = [
  /\bbearer\s+[A-Za-z0-9._~+/=-]+/gi,
  /\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g, // JWT
  /\bctk_[A-Za-z0-9_-]+/g, // our API keys
];

export function scrubText(text: string): string {
  return SECRET_IN_TEXT.reduce(
    (result, pattern) =>
      result.replace(pattern, (match) =>
        /^bearer/i.test(match) ? `${match.slice(0, 6)} ${REDACTED}` : REDACTED,
      ),
    text,
  );
}

/** A scrubbed deep copy of `value` (cycles and depth are cut off). */
export function scrub<T>(value: T, depth = 0, seen = new WeakSet<object>()): T {
  if (typeof value === 'string') return scrubText(value) as T;
  if (typeof value !== 'object' || value === null) return value;
  if (depth > 12 || seen.has(value)) return REDACTED as T;
  seen.add(value);
  if (Array.isArray(value))
    return (value as unknown[]).map((item) => scrub(item, depth + 1, seen)) as T;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    copy[key] = SENSITIVE_KEY.test(key) ? REDACTED : scrub(item, depth + 1, seen);
  }
  return copy as T;
}

const SQL_STRING_LITERAL =
  /(?<![\w$])[eE]'(?:[^'\\]|''|\\[\s\S])*'|'(?:[^']|'')*'|\$([A-Za-z_]*)\$[\s\S]*?\$\1\$/g;

/**
 * The SQL with every string literal replaced by `?`. MikroORM sends queries with
 * their values inlined, so a statement as sent can hold emails, hashes and tokens.
 */
export function withoutSqlLiterals(sql: string): string {
  return sql.replace(SQL_STRING_LITERAL, '?');
}
