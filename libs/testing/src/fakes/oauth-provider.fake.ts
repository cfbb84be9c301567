import { createHash, randomBytes } from 'node:crypto';
import { type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { closeNow, readRequestText, serveOnLoopback } from './loopback';

/** How a provider shapes its profile response. */
export type OAuthDialect = 'oidc' | 'x' | 'facebook';

/** A client registered with one provider; `auth` is how it must authenticate at `/token`. */
export interface OAuthFakeClient {
  clientId: string;
  clientSecret: string;
  auth: 'basic' | 'post';
  dialect: OAuthDialect;
}

/** The person who approves the consent page. */
export interface OAuthFakeUser {
  subject: string;
  name: string;
  email?: string;
  emailVerified?: boolean;
  username?: string;
  /** Profile picture URL the provider reports (OIDC `picture`, X `profile_image_url`, Facebook `picture.data.url`). */
  picture?: string;
}

interface IssuedCode {
  provider: string;
  clientId: string;
  redirectUri: string;
  codeChallenge: string;
  user: OAuthFakeUser;
  used: boolean;
}

/**
 * An OAuth 2.0 / OpenID Connect provider on loopback serving several providers
 * under path prefixes: `/{provider}/authorize`, `/{provider}/token`,
 * `/{provider}/userinfo`. `/authorize` auto-approves the user set with
 * `approveAs` and redirects to `redirect_uri` with `code` + `state`.
 * `/token` checks the client credentials (Basic or form, as registered), the
 * code (single use), `redirect_uri` and the PKCE S256 `code_verifier`, and
 * answers RFC 6749 JSON or an `{error}` document. `/userinfo` answers the
 * bearer token's profile in the provider's shape: OIDC (`sub`, `email`,
 * `email_verified`, `name`), X (`{data:{id,name,username}}`, no email) or
 * Facebook Graph (`{id,name,email}`).
 */
export class OAuthProviderFake {
  readonly tokenRequests: { provider: string; status: number; error?: string }[] = [];

  private readonly clients = new Map<string, OAuthFakeClient>();
  private readonly approvals = new Map<string, OAuthFakeUser>();
  private readonly denials = new Set<string>();
  private readonly codes = new Map<string, IssuedCode>();
  private readonly accessTokens = new Map<string, { provider: string; user: OAuthFakeUser }>();
  private server?: Server;
  private baseUrl = '';

  register(provider: string, client: OAuthFakeClient): this {
    this.clients.set(provider, client);
    return this;
  }

  /** The user who approves the next consent pages of `provider`. */
  approveAs(provider: string, user: OAuthFakeUser): void {
    this.approvals.set(provider, user);
  }

  /** The next consent page of `provider` is declined (`error=access_denied`). */
  denyNext(provider: string): void {
    this.denials.add(provider);
  }

  async start(): Promise<{ url: string }> {
    const { server, url } = await serveOnLoopback((request, response) =>
      this.handle(request, response),
    );
    this.server = server;
    this.baseUrl = url;
    return { url: this.baseUrl };
  }

  /** The endpoints of one provider, as environment overrides (`OAUTH_<P>_*_URL`). */
  endpoints(provider: string, envName = provider.toUpperCase()): Record<string, string> {
    const userinfo =
      this.clients.get(provider)?.dialect === 'facebook'
        ? `/${provider}/me?fields=id,name,email,picture.type(large)`
        : `/${provider}/userinfo`;
    return {
      [`OAUTH_${envName}_AUTHORIZE_URL`]: `${this.baseUrl}/${provider}/authorize`,
      [`OAUTH_${envName}_TOKEN_URL`]: `${this.baseUrl}/${provider}/token`,
      [`OAUTH_${envName}_USERINFO_URL`]: `${this.baseUrl}${userinfo}`,
    };
  }

  async stop(): Promise<void> {
    await closeNow(this.server);
    this.server = undefined;
  }

  reset(): void {
    this.tokenRequests.length = 0;
    this.approvals.clear();
    this.denials.clear();
    this.codes.clear();
    this.accessTokens.clear();
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://fake');
    const [, provider = '', endpoint = ''] = url.pathname.split('/');
    const client = this.clients.get(provider);
    if (!client) return json(response, 404, { error: 'unknown_provider' });
    if (endpoint === 'authorize' && request.method === 'GET') {
      return this.authorize(provider, client, url.searchParams, response);
    }
    if (endpoint === 'token' && request.method === 'POST') {
      const reply = this.token(provider, client, request, await readRequestText(request));
      const error = typeof reply.body.error === 'string' ? reply.body.error : undefined;
      this.tokenRequests.push({ provider, status: reply.status, error });
      return json(response, reply.status, reply.body);
    }
    if ((endpoint === 'userinfo' || endpoint === 'me') && request.method === 'GET') {
      return this.userinfo(provider, client, request, response);
    }
    json(response, 404, { error: 'not_found' });
  }

  private authorize(
    provider: string,
    client: OAuthFakeClient,
    params: URLSearchParams,
    response: ServerResponse,
  ): void {
    const redirectUri = params.get('redirect_uri');
    const state = params.get('state');
    if (params.get('client_id') !== client.clientId || !redirectUri) {
      return json(response, 400, { error: 'invalid_request' });
    }
    const back = new URL(redirectUri);
    if (state) back.searchParams.set('state', state);
    const user = this.approvals.get(provider);
    if (this.denials.delete(provider) || !user) {
      back.searchParams.set('error', 'access_denied');
      return redirect(response, back.toString());
    }
    const challenge = params.get('code_challenge');
    if (
      params.get('response_type') !== 'code' ||
      params.get('code_challenge_method') !== 'S256' ||
      !challenge
    ) {
      back.searchParams.set('error', 'invalid_request');
      return redirect(response, back.toString());
    }
    const code = randomBytes(16).toString('hex');
    this.codes.set(code, {
      provider,
      clientId: client.clientId,
      redirectUri,
      codeChallenge: challenge,
      user,
      used: false,
    });
    back.searchParams.set('code', code);
    redirect(response, back.toString());
  }

  private token(
    provider: string,
    client: OAuthFakeClient,
    request: IncomingMessage,
    raw: string,
  ): { status: number; body: Record<string, string | number> } {
    const form = new URLSearchParams(raw);
    const fail = (status: number, error: string) => ({ status, body: { error } });
    if (!this.authenticates(client, request, form)) return fail(401, 'invalid_client');
    if (form.get('grant_type') !== 'authorization_code') return fail(400, 'unsupported_grant_type');
    const issued = this.codes.get(form.get('code') ?? '');
    if (!issued || issued.provider !== provider || issued.clientId !== client.clientId) {
      return fail(400, 'invalid_grant');
    }
    if (issued.used) return fail(400, 'invalid_grant');
    issued.used = true;
    if (form.get('redirect_uri') !== issued.redirectUri) return fail(400, 'invalid_grant');
    const verifier = form.get('code_verifier') ?? '';
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    if (!verifier || challenge !== issued.codeChallenge) return fail(400, 'invalid_grant');
    const accessToken = randomBytes(24).toString('hex');
    this.accessTokens.set(accessToken, { provider, user: issued.user });
    return {
      status: 200,
      body: { access_token: accessToken, token_type: 'bearer', expires_in: 3600 },
    };
  }

  private authenticates(
    client: OAuthFakeClient,
    request: IncomingMessage,
    form: URLSearchParams,
  ): boolean {
    if (client.auth === 'post') {
      return (
        form.get('client_id') === client.clientId &&
        form.get('client_secret') === client.clientSecret
      );
    }
    const header = request.headers.authorization ?? '';
    if (!header.startsWith('Basic ')) return false;
    const expected = Buffer.from(`${client.clientId}:${client.clientSecret}`).toString('base64');
    return header.slice('Basic '.length) === expected;
  }

  private userinfo(
    provider: string,
    client: OAuthFakeClient,
    request: IncomingMessage,
    response: ServerResponse,
  ): void {
    const token = (request.headers.authorization ?? '').replace(/^Bearer /, '');
    const grant = this.accessTokens.get(token);
    if (!grant || grant.provider !== provider)
      return json(response, 401, { error: 'invalid_token' });
    const u = grant.user;
    if (client.dialect === 'x') {
      return json(response, 200, {
        data: {
          id: u.subject,
          name: u.name,
          username: u.username ?? u.subject,
          ...(u.picture ? { profile_image_url: u.picture } : {}),
        },
      });
    }
    if (client.dialect === 'facebook') {
      return json(response, 200, {
        id: u.subject,
        name: u.name,
        ...(u.email ? { email: u.email } : {}),
        ...(u.picture ? { picture: { data: { url: u.picture, is_silhouette: false } } } : {}),
      });
    }
    json(response, 200, {
      sub: u.subject,
      name: u.name,
      ...(u.email ? { email: u.email, email_verified: u.emailVerified ?? false } : {}),
      ...(u.picture ? { picture: u.picture } : {}),
    });
  }
}

function json(response: ServerResponse, status: number, body: object): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

function redirect(response: ServerResponse, location: string): void {
  response.writeHead(302, { location });
  response.end();
}
