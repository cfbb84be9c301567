import type { Env } from '@lib/config';
import type { OAuthProfile, OAuthProviderName } from '../oauth.port';

/**
 * How the client proves itself at the token endpoint: HTTP Basic
 * (`client_secret_basic`, Google and X) or form fields (`client_secret_post`,
 * which LinkedIn and Facebook require).
 */
export type ClientAuth = 'basic' | 'post';

/** One provider's endpoints, scopes, client authentication and profile shape. */
export interface ProviderDefinition {
  name: OAuthProviderName;
  authorizeUrl: string;
  tokenUrl: string;
  userinfoUrl: string;
  scopes: string[];
  clientAuth: ClientAuth;
  vouchesForEmail: boolean;
  credentials: (env: Env) => { id?: string; secret?: string };
  /** The profile from the userinfo body (email not yet normalised), or undefined when malformed. */
  parseProfile: (body: unknown) => OAuthProfile | undefined;
}

export const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

export const record = (v: unknown): Record<string, unknown> | undefined =>
  typeof v === 'object' && v !== null && !Array.isArray(v)
    ? (v as Record<string, unknown>)
    : undefined;

/** OpenID Connect userinfo: `sub`, `email`, `email_verified`, `name`, `picture`. */
export function oidcProfile(body: unknown): OAuthProfile | undefined {
  const b = record(body);
  const subject = str(b?.sub);
  if (!b || !subject) return undefined;
  const email = str(b.email);
  const verified = b.email_verified === true || b.email_verified === 'true';
  return {
    subject,
    email,
    emailVerified: Boolean(email) && verified,
    name: str(b.name),
    pictureUrl: str(b.picture),
  };
}
