import type { AppConfig } from '@lib/config';
import { billingProblems } from './billing.problems';

/** The frontend origins a checkout or portal may send the browser back to (no open redirect). */
export function allowedRedirect(
  config: AppConfig,
  url: string | undefined,
  fallback: string,
): string {
  const target = url ?? `${config.env.FRONTEND_URL}${fallback}`;
  const origins = new Set(
    [config.env.FRONTEND_URL, ...config.env.CORS_ORIGINS].map((o) => new URL(o).origin),
  );
  let origin: string;
  try {
    origin = new URL(target).origin;
  } catch {
    origin = 'invalid';
  }
  if (!origins.has(origin)) {
    throw billingProblems.problem(
      'billing.redirect_not_allowed',
      `Redirects go only to the frontend (${[...origins].join(', ')})`,
    );
  }
  return target;
}
