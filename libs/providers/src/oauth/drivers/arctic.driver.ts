import { CodeChallengeMethod, OAuth2Client, OAuth2RequestError, OAuth2Tokens } from 'arctic';
import {
  OAuthProviderError,
  type OAuthLoginDriver,
  type OAuthProfile,
  type OAuthProviderName,
} from '../oauth.port';
import { record, str, type ProviderDefinition } from './provider-definition';

export interface ArcticDriverOptions {
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  /** Endpoint overrides (tests point them at a fake provider). */
  authorizeUrl?: string;
  tokenUrl?: string;
  userinfoUrl?: string;
  timeoutMs: number;
}

/**
 * One login provider over arctic's generic OAuth 2.0 client (authorization
 * code + state + PKCE S256), with endpoints from config so tests run the real
 * protocol against a fake provider.
 */
export class ArcticOAuthDriver implements OAuthLoginDriver {
  readonly name: OAuthProviderName;
  readonly vouchesForEmail: boolean;
  private readonly client: OAuth2Client;
  private readonly authorizeUrl: string;
  private readonly tokenUrl: string;
  private readonly userinfoUrl: string;

  constructor(
    private readonly definition: ProviderDefinition,
    private readonly options: ArcticDriverOptions,
  ) {
    this.name = definition.name;
    this.vouchesForEmail = definition.vouchesForEmail;
    this.authorizeUrl = options.authorizeUrl ?? definition.authorizeUrl;
    this.tokenUrl = options.tokenUrl ?? definition.tokenUrl;
    this.userinfoUrl = options.userinfoUrl ?? definition.userinfoUrl;
    this.client = new OAuth2Client(
      options.clientId,
      definition.clientAuth === 'basic' ? options.clientSecret : null,
      options.redirectUri,
    );
  }

  authorizationUrl(state: string, codeVerifier: string): string {
    return this.client
      .createAuthorizationURLWithPKCE(
        this.authorizeUrl,
        state,
        CodeChallengeMethod.S256,
        codeVerifier,
        this.definition.scopes,
      )
      .toString();
  }

  /** Exchanges the code (with the PKCE verifier) and reads the profile with the access token. */
  async complete(code: string, codeVerifier: string): Promise<OAuthProfile> {
    let accessToken: string;
    try {
      const tokens = await this.withTimeout(this.exchange(code, codeVerifier));
      accessToken = tokens.accessToken();
    } catch (error) {
      if (error instanceof OAuthProviderError) throw error;
      const detail =
        error instanceof OAuth2RequestError ? error.code : ((error as Error).name ?? 'error');
      throw new OAuthProviderError('token_exchange_failed', `${this.name}: ${detail}`);
    }
    return this.profile(accessToken);
  }

  private exchange(code: string, verifier: string): Promise<OAuth2Tokens> {
    if (this.definition.clientAuth === 'basic')
      return this.client.validateAuthorizationCode(this.tokenUrl, code, verifier);
    return this.exchangeWithPostedSecret(code, verifier);
  }

  /**
   * `client_secret_post`: the same request arctic's OAuth2Client sends, with the
   * client credentials as form fields (arctic's generic client only does Basic).
   */
  private async exchangeWithPostedSecret(code: string, verifier: string): Promise<OAuth2Tokens> {
    const body = new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: this.options.redirectUri,
      code_verifier: verifier,
      client_id: this.options.clientId,
      client_secret: this.options.clientSecret,
    });
    const response = await fetch(this.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body,
      signal: AbortSignal.timeout(this.options.timeoutMs),
    });
    const data = record(await response.json().catch(() => undefined));
    if (!response.ok || !data || typeof data.access_token !== 'string') {
      const code = str(data?.error) ?? str(record(data?.error)?.type) ?? `http_${response.status}`;
      throw new OAuthProviderError('token_exchange_failed', `${this.name}: ${code}`);
    }
    return new OAuth2Tokens(data);
  }

  private async profile(accessToken: string): Promise<OAuthProfile> {
    let body: unknown;
    try {
      const response = await fetch(this.userinfoUrl, {
        headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json' },
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
      if (!response.ok) throw new Error(`http_${response.status}`);
      body = await response.json();
    } catch (error) {
      throw new OAuthProviderError('profile_failed', `${this.name}: ${(error as Error).message}`);
    }
    const profile = this.definition.parseProfile(body);
    if (!profile) throw new OAuthProviderError('profile_failed', `${this.name}: malformed profile`);
    return { ...profile, email: profile.email?.trim().toLowerCase() ?? null };
  }

  private withTimeout<T>(work: Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('timeout')), this.options.timeoutMs);
    });
    return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
  }
}
