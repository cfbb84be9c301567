import { Injectable } from '@nestjs/common';
import { CodeChallengeMethod, OAuth2Client, OAuth2RequestError, OAuth2Tokens } from 'arctic';
import { AppConfig, type Env } from '@lib/config';
import { OAUTH_PROVIDERS, type OAuthProviderName } from '../entities/user-identity.entity';

/** What we learn about a person from a provider. */
export interface OAuthProfile {
  subject: string;
  email: string | null;
  /** True only when the provider says the address is verified. */
  emailVerified: boolean;
  name: string | null;
}

/**
 * How the client proves itself at the token endpoint: HTTP Basic
 * (`client_secret_basic`, Google and X) or form fields (`client_secret_post`,
 * which LinkedIn and Facebook require).
 */
type ClientAuth = 'basic' | 'post';

interface ProviderDefinition {
  authorizeUrl: string;
  tokenUrl: string;
  userinfoUrl: string;
  scopes: string[];
  clientAuth: ClientAuth;
  credentials: (env: Env) => { id?: string; secret?: string };
  parseProfile: (body: unknown) => OAuthProfile | undefined;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const record = (v: unknown): Record<string, unknown> | undefined =>
  typeof v === 'object' && v !== null && !Array.isArray(v)
    ? (v as Record<string, unknown>)
    : undefined;

/** OpenID Connect userinfo: `sub`, `email`, `email_verified`, `name`. */
function oidcProfile(body: unknown): OAuthProfile | undefined {
  const b = record(body);
  const subject = str(b?.sub);
  if (!b || !subject) return undefined;
  const email = str(b.email);
  const verified = b.email_verified === true || b.email_verified === 'true';
  return { subject, email, emailVerified: Boolean(email) && verified, name: str(b.name) };
}

/** Current endpoints (see reference/social-platforms.md); overridable per environment. */
const PROVIDERS: Record<OAuthProviderName, ProviderDefinition> = {
  google: {
    authorizeUrl: 'https://accounts.google.com/o/oauth2/v2/auth',
    tokenUrl: 'https://oauth2.googleapis.com/token',
    userinfoUrl: 'https://openidconnect.googleapis.com/v1/userinfo',
    scopes: ['openid', 'email', 'profile'],
    clientAuth: 'basic',
    credentials: (env) => ({ id: env.GOOGLE_CLIENT_ID, secret: env.GOOGLE_CLIENT_SECRET }),
    parseProfile: oidcProfile,
  },
  linkedin: {
    authorizeUrl: 'https://www.linkedin.com/oauth/v2/authorization',
    tokenUrl: 'https://www.linkedin.com/oauth/v2/accessToken',
    userinfoUrl: 'https://api.linkedin.com/v2/userinfo',
    scopes: ['openid', 'profile', 'email'],
    clientAuth: 'post',
    credentials: (env) => ({ id: env.LINKEDIN_CLIENT_ID, secret: env.LINKEDIN_CLIENT_SECRET }),
    parseProfile: oidcProfile,
  },
  x: {
    authorizeUrl: 'https://x.com/i/oauth2/authorize',
    tokenUrl: 'https://api.x.com/2/oauth2/token',
    userinfoUrl: 'https://api.x.com/2/users/me',
    scopes: ['users.read', 'tweet.read'],
    clientAuth: 'basic',
    credentials: (env) => ({ id: env.TWITTER_CLIENT_ID, secret: env.TWITTER_CLIENT_SECRET }),
    // `{"data":{"id","name","username"}}`; X does not share email addresses here.
    parseProfile: (body) => {
      const data = record(record(body)?.data);
      const subject = str(data?.id);
      if (!data || !subject) return undefined;
      return {
        subject,
        email: null,
        emailVerified: false,
        name: str(data.name) ?? str(data.username),
      };
    },
  },
  facebook: {
    authorizeUrl: 'https://www.facebook.com/v25.0/dialog/oauth',
    tokenUrl: 'https://graph.facebook.com/v25.0/oauth/access_token',
    userinfoUrl: 'https://graph.facebook.com/v25.0/me?fields=id,name,email',
    scopes: ['email', 'public_profile'],
    clientAuth: 'post',
    credentials: (env) => ({ id: env.FACEBOOK_APP_ID, secret: env.FACEBOOK_APP_SECRET }),
    // Graph API `/me?fields=id,name,email`: no statement that the email is verified.
    parseProfile: (body) => {
      const b = record(body);
      const subject = str(b?.id);
      if (!b || !subject) return undefined;
      return { subject, email: str(b.email), emailVerified: false, name: str(b.name) };
    },
  },
};

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

interface ResolvedProvider extends ProviderDefinition {
  name: OAuthProviderName;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  client: OAuth2Client;
}

/**
 * The four login providers over arctic's generic OAuth 2.0 client
 * (authorization code + state + PKCE S256), with endpoints from config so
 * tests run the real protocol against a fake provider.
 */
@Injectable()
export class OAuthProviders {
  private readonly resolved = new Map<OAuthProviderName, ResolvedProvider>();
  private readonly timeoutMs: number;

  constructor(config: AppConfig) {
    const env = config.env;
    this.timeoutMs = env.OAUTH_TIMEOUT_MS;
    const base = (env.OAUTH_CALLBACK_BASE_URL ?? env.API_URL).replace(/\/+$/, '');
    for (const name of OAUTH_PROVIDERS) {
      const definition = PROVIDERS[name];
      const { id, secret } = definition.credentials(env);
      if (!id || !secret) continue;
      const key = name.toUpperCase() as Uppercase<OAuthProviderName>;
      const redirectUri = `${base}/v1/auth/oauth/${name}/callback`;
      this.resolved.set(name, {
        ...definition,
        authorizeUrl: env[`OAUTH_${key}_AUTHORIZE_URL`] ?? definition.authorizeUrl,
        tokenUrl: env[`OAUTH_${key}_TOKEN_URL`] ?? definition.tokenUrl,
        userinfoUrl: env[`OAUTH_${key}_USERINFO_URL`] ?? definition.userinfoUrl,
        name,
        clientId: id,
        clientSecret: secret,
        redirectUri,
        client: new OAuth2Client(
          id,
          definition.clientAuth === 'basic' ? secret : null,
          redirectUri,
        ),
      });
    }
  }

  static isKnown(name: string): name is OAuthProviderName {
    return (OAUTH_PROVIDERS as readonly string[]).includes(name);
  }

  isEnabled(name: OAuthProviderName): boolean {
    return this.resolved.has(name);
  }

  /** The provider's authorization URL with state, PKCE (S256) and the login scopes. */
  authorizationUrl(name: OAuthProviderName, state: string, codeVerifier: string): string {
    const p = this.get(name);
    return p.client
      .createAuthorizationURLWithPKCE(
        p.authorizeUrl,
        state,
        CodeChallengeMethod.S256,
        codeVerifier,
        p.scopes,
      )
      .toString();
  }

  /** Exchanges the code (with the PKCE verifier) and reads the profile with the access token. */
  async complete(
    name: OAuthProviderName,
    code: string,
    codeVerifier: string,
  ): Promise<OAuthProfile> {
    const p = this.get(name);
    let accessToken: string;
    try {
      const tokens = await this.withTimeout(this.exchange(p, code, codeVerifier));
      accessToken = tokens.accessToken();
    } catch (error) {
      const detail =
        error instanceof OAuth2RequestError ? error.code : ((error as Error).name ?? 'error');
      throw new OAuthProviderError('token_exchange_failed', `${name}: ${detail}`);
    }
    return this.profile(p, accessToken);
  }

  private exchange(p: ResolvedProvider, code: string, verifier: string): Promise<OAuth2Tokens> {
    if (p.clientAuth === 'basic')
      return p.client.validateAuthorizationCode(p.tokenUrl, code, verifier);
    return this.exchangeWithPostedSecret(p, code, verifier);
  }

  /**
   * `client_secret_post`: the same request arctic's OAuth2Client sends, with the
   * client credentials as form fields (arctic's generic client only does Basic).
   */
  private async exchangeWithPostedSecret(
    p: ResolvedProvider,
    code: string,
    verifier: string,
  ): Promise<OAuth2Tokens> {
    const body = new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: p.redirectUri,
      code_verifier: verifier,
      client_id: p.clientId,
      client_secret: p.clientSecret,
    });
    const response = await fetch(p.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body,
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    const data = record(await response.json().catch(() => undefined));
    if (!response.ok || !data || typeof data.access_token !== 'string') {
      const code = str(data?.error) ?? str(record(data?.error)?.type) ?? `http_${response.status}`;
      throw new OAuthProviderError('token_exchange_failed', `${p.name}: ${code}`);
    }
    return new OAuth2Tokens(data);
  }

  private async profile(p: ResolvedProvider, accessToken: string): Promise<OAuthProfile> {
    let body: unknown;
    try {
      const response = await fetch(p.userinfoUrl, {
        headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json' },
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      if (!response.ok) throw new Error(`http_${response.status}`);
      body = await response.json();
    } catch (error) {
      throw new OAuthProviderError('profile_failed', `${p.name}: ${(error as Error).message}`);
    }
    const profile = p.parseProfile(body);
    if (!profile) throw new OAuthProviderError('profile_failed', `${p.name}: malformed profile`);
    return { ...profile, email: profile.email?.trim().toLowerCase() ?? null };
  }

  private get(name: OAuthProviderName): ResolvedProvider {
    const p = this.resolved.get(name);
    if (!p) throw new Error(`OAuth provider ${name} is not enabled`);
    return p;
  }

  private withTimeout<T>(work: Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('timeout')), this.timeoutMs);
    });
    return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
  }
}
