/**
 * Google's documented Measurement Protocol limits (GA4): what `/debug/mp/collect`
 * refuses and `/mp/collect` silently drops. Checked before anything is sent.
 */
export const GA4_LIMITS = {
  eventsPerRequest: 25,
  paramsPerEvent: 25,
  nameLength: 40,
  paramValueLength: 100,
} as const;

const NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

/** Event names GA4 reserves for its own events. */
export const GA4_RESERVED_EVENT_NAMES: ReadonlySet<string> = new Set([
  'ad_activeview',
  'ad_click',
  'ad_exposure',
  'ad_impression',
  'ad_query',
  'ad_reward',
  'adunit_exposure',
  'app_background',
  'app_clear_data',
  'app_exception',
  'app_remove',
  'app_store_refund',
  'app_store_subscription_cancel',
  'app_store_subscription_convert',
  'app_store_subscription_renew',
  'app_update',
  'app_upgrade',
  'dynamic_link_app_open',
  'dynamic_link_app_update',
  'dynamic_link_first_open',
  'error',
  'first_open',
  'first_visit',
  'in_app_purchase',
  'notification_dismiss',
  'notification_foreground',
  'notification_open',
  'notification_receive',
  'os_update',
  'page_view',
  'screen_view',
  'session_start',
  'user_engagement',
]);

/** Prefixes reserved for event and parameter names. */
export const GA4_RESERVED_PREFIXES = ['_', 'firebase_', 'ga_', 'google_'] as const;

export type Ga4ParamValue = string | number | boolean;

/** What is wrong with an event name, or null when GA4 accepts it. */
export function ga4EventNameProblem(name: string): string | null {
  return nameProblem(name) ?? (GA4_RESERVED_EVENT_NAMES.has(name) ? 'is reserved by GA4' : null);
}

/** What is wrong with a parameter name, or null when GA4 accepts it. */
export function ga4ParamNameProblem(name: string): string | null {
  return nameProblem(name);
}

/** What is wrong with a parameter value, or null when GA4 accepts it. */
export function ga4ParamValueProblem(value: unknown): string | null {
  if (typeof value === 'number') return Number.isFinite(value) ? null : 'must be a finite number';
  if (typeof value === 'boolean') return null;
  if (typeof value !== 'string') return 'must be a string, number or boolean';
  return value.length > GA4_LIMITS.paramValueLength
    ? `must be at most ${GA4_LIMITS.paramValueLength} characters`
    : null;
}

function nameProblem(name: string): string | null {
  if (name.length === 0 || name.length > GA4_LIMITS.nameLength) {
    return `must be 1 to ${GA4_LIMITS.nameLength} characters`;
  }
  if (!NAME.test(name)) return 'must start with a letter and hold only letters, digits and _';
  const prefix = GA4_RESERVED_PREFIXES.find((p) => name.toLowerCase().startsWith(p));
  return prefix ? `must not start with the reserved prefix "${prefix}"` : null;
}
