import { registerDecorator, type ValidationOptions } from 'class-validator';

/** What a new account gets when the request says nothing usable. */
export const DEFAULT_LOCALE = 'en';
export const DEFAULT_TIME_ZONE = 'UTC';
const MAX_TAG_LENGTH = 35;

/** The canonical form of a BCP 47 language tag (`pt-br` → `pt-BR`), or undefined when it is not one. */
export function canonicalLocale(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_TAG_LENGTH) {
    return undefined;
  }
  try {
    const [canonical] = Intl.getCanonicalLocales(value);
    // Primary language subtags of 4–8 letters are syntactically valid but name no language in use.
    return /^[a-z]{2,3}(?:-|$)/.test(canonical) ? canonical : undefined;
  } catch {
    return undefined;
  }
}

/** The canonical IANA name of a time zone (`utc` → `UTC`), or undefined when there is no such zone. */
export function canonicalTimeZone(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length === 0 || value.length > 64) return undefined;
  // Offsets (`+01:00`) are no zones: they know nothing of daylight saving time.
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(value)) return undefined;
  try {
    return new Intl.DateTimeFormat('en', { timeZone: value }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/**
 * The preferred language of an `Accept-Language` header (RFC 9110: highest
 * `q` first, ties in order), canonical; undefined when none is a valid tag.
 */
export function localeFromAcceptLanguage(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const ranges = header
    .split(',')
    .slice(0, 20)
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter((r) => r.tag && r.tag !== '*' && r.q > 0 && !Number.isNaN(r.q))
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const range of ranges) {
    const locale = canonicalLocale(range.tag);
    if (locale) return locale;
  }
  return undefined;
}

/** A BCP 47 language tag that `Intl` accepts (e.g. `en`, `pt-BR`, `zh-Hant-TW`). */
export function IsLocale(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isLocale',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: '$property must be a BCP 47 language tag like en or pt-BR', ...options },
      validator: { validate: (value: unknown) => canonicalLocale(value) !== undefined },
    });
}

/** An IANA time zone name (e.g. `Europe/Berlin`, `UTC`). */
export function IsTimeZone(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isTimeZone',
      target: target.constructor,
      propertyName: propertyName as string,
      options: {
        message: '$property must be an IANA time zone name like Europe/Berlin or UTC',
        ...options,
      },
      validator: { validate: (value: unknown) => canonicalTimeZone(value) !== undefined },
    });
}
