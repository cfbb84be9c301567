/** OAuth login providers an account can sign in with and be linked to. */
export const OAUTH_PROVIDERS = ['google', 'linkedin', 'x', 'facebook'] as const;
export type OAuthProviderName = (typeof OAUTH_PROVIDERS)[number];

export function isOAuthProvider(name: string): name is OAuthProviderName {
  return (OAUTH_PROVIDERS as readonly string[]).includes(name);
}

/** What we learn about a person from a provider. */
export interface OAuthProfile {
  subject: string;
  /** Lower-cased; null when the provider shares none. */
  email: string | null;
  /** True only when the provider vouches that the address is verified (OIDC `email_verified`). */
  emailVerified: boolean;
  name: string | null;
  /**
   * The provider's profile picture URL (OIDC `picture`, X `profile_image_url`,
   * Facebook `picture.data.url`): a third party's URL, to be fetched only
   * through an SSRF guard, never hot-linked.
   */
  pictureUrl?: string | null;
}

/** One provider: builds its consent URL and finishes the authorization-code flow (PKCE S256). */
export interface OAuthLoginDriver {
  readonly name: OAuthProviderName;
  /**
   * Whether the provider ever states that an email address is verified. Only such
   * providers' addresses may create an account with, or be matched against, an email.
   */
  readonly vouchesForEmail: boolean;
  authorizationUrl(state: string, codeVerifier: string): string;
  complete(code: string, codeVerifier: string): Promise<OAuthProfile>;
}

/** The configured login providers; a provider without credentials is disabled. */
export interface OAuthLoginPort {
  isEnabled(name: OAuthProviderName): boolean;
  /** The provider's driver; throws when it is not enabled. */
  driver(name: OAuthProviderName): OAuthLoginDriver;
}

export const OAUTH_LOGIN = Symbol('OAUTH_LOGIN');

/** Why a provider round trip failed; never carries provider secrets. */
export class OAuthProviderError extends Error {
  constructor(
    readonly reason: 'token_exchange_failed' | 'profile_failed',
    detail: string,
  ) {
    super(detail);
    this.name = 'OAuthProviderError';
  }
}
