import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

export type FakeNetwork = 'linkedin' | 'x' | 'facebook' | 'instagram';

/** The person who approves the consent page; `pages` are the Facebook pages they manage. */
export interface FakeSocialUser {
  id: string;
  name: string;
  username: string;
  pages?: Array<{ id: string; name: string }>;
}

/**
 * What the next create call (LinkedIn/X post, Facebook feed or photo, Instagram
 * media_publish) meets. `accept-then-drop`: the post is created, then the
 * connection is cut before any answer. `accept-then-late`: created, answered after
 * `delayMs`. The others answer in the network's own error format.
 */
export type CreateFault =
  | { type: 'accept-then-drop' }
  | { type: 'accept-then-late'; delayMs: number }
  | { type: 'rate-limited' }
  | { type: 'server-error' }
  | { type: 'expired-token' };

export interface FakePost {
  id: string;
  network: FakeNetwork;
  /** The member, page or Instagram account it was posted as. */
  author: string;
  /** As the network stores it (LinkedIn: escaped little text; X: with media links). */
  text: string;
  createdAt: Date;
  media: string[];
  urls?: Array<{ url: string; expanded_url?: string; media_key?: string }>;
  metrics: { likes: number; comments: number; shares: number; impressions: number };
}

interface IssuedCode {
  network: FakeNetwork;
  redirectUri: string;
  codeChallenge?: string;
  user: FakeSocialUser;
}

interface IssuedToken {
  network: FakeNetwork;
  user: FakeSocialUser;
  /** A Facebook page token speaks for this page. */
  pageId?: string;
}

export interface FakeRequest {
  network: FakeNetwork;
  method: string;
  path: string;
  url: URL;
  headers: IncomingMessage['headers'];
  body: Buffer;
}

/** What the four routers share: clients, users, codes, tokens, posts, faults, the request log. */
export class SocialFakeState {
  baseUrl = '';
  readonly requests: FakeRequest[] = [];
  readonly posts: FakePost[] = [];
  readonly clients = new Map<FakeNetwork, { clientId: string; clientSecret: string }>();
  /** LinkedIn images and X media uploaded, by id. */
  readonly uploads = new Set<string>();
  /** Facebook photos uploaded with `published:false`, by id → page. */
  readonly unpublishedPhotos = new Map<string, string>();
  /** Instagram media containers by id (shape owned by the Instagram router). */
  readonly instagramContainers = new Map<string, unknown>();
  /** Added to the Instagram quota usage: a test fills the 50-per-24-h quota with it. */
  instagramQuotaOffset = 0;
  private readonly approvals = new Map<FakeNetwork, FakeSocialUser>();
  private readonly codes = new Map<string, IssuedCode>();
  private readonly tokens = new Map<string, IssuedToken>();
  private readonly refreshTokens = new Map<string, IssuedToken>();
  private readonly faults = new Map<FakeNetwork, CreateFault[]>();
  private readonly refusingRefresh = new Set<FakeNetwork>();
  private seq = 1000;

  nextId(): string {
    this.seq += 1;
    return `${Date.now()}${this.seq}`;
  }

  approveAs(network: FakeNetwork, user: FakeSocialUser): void {
    this.approvals.set(network, user);
  }

  approved(network: FakeNetwork): FakeSocialUser {
    const user = this.approvals.get(network);
    if (!user) throw new Error(`No user approves ${network}: call approveAs first`);
    return user;
  }

  issueCode(code: Omit<IssuedCode, 'user'>): string {
    const value = randomBytes(12).toString('hex');
    this.codes.set(value, { ...code, user: this.approved(code.network) });
    return value;
  }

  /** Single use: a second exchange of the same code finds nothing. */
  takeCode(network: FakeNetwork, code: string, redirectUri: string, verifier?: string) {
    const issued = this.codes.get(code);
    this.codes.delete(code);
    if (!issued || issued.network !== network || issued.redirectUri !== redirectUri) return null;
    if (issued.codeChallenge !== undefined) {
      const challenge = createHash('sha256')
        .update(verifier ?? '')
        .digest('base64url');
      if (challenge !== issued.codeChallenge) return null;
    }
    return issued.user;
  }

  issueToken(network: FakeNetwork, user: FakeSocialUser, pageId?: string): string {
    const token = `${network}-at-${randomBytes(16).toString('hex')}`;
    this.tokens.set(token, { network, user, pageId });
    return token;
  }

  issueRefreshToken(network: FakeNetwork, user: FakeSocialUser): string {
    const token = `${network}-rt-${randomBytes(16).toString('hex')}`;
    this.refreshTokens.set(token, { network, user });
    return token;
  }

  /** Rotates: the old refresh token stops working. Null when unknown or refused. */
  takeRefreshToken(network: FakeNetwork, token: string): FakeSocialUser | null {
    const issued = this.refreshTokens.get(token);
    if (!issued || issued.network !== network || this.refusingRefresh.has(network)) return null;
    this.refreshTokens.delete(token);
    return issued.user;
  }

  tokenOf(network: FakeNetwork, request: FakeRequest): IssuedToken | null {
    const header = request.headers.authorization;
    const token = header?.startsWith('Bearer ')
      ? header.slice(7)
      : (request.url.searchParams.get('access_token') ?? '');
    const issued = this.tokens.get(token);
    return issued && issued.network === network ? issued : null;
  }

  /** Every access token of the network issued so far stops working (expired or revoked). */
  expireTokens(network: FakeNetwork): void {
    for (const [token, issued] of this.tokens) {
      if (issued.network === network) this.tokens.delete(token);
    }
  }

  /** Swaps a live token for a new one (Instagram refresh). */
  renewToken(network: FakeNetwork, old: string): string | null {
    const issued = this.tokens.get(old);
    if (!issued || issued.network !== network || this.refusingRefresh.has(network)) return null;
    this.tokens.delete(old);
    return this.issueToken(network, issued.user, issued.pageId);
  }

  refuseRefresh(network: FakeNetwork, refuse = true): void {
    if (refuse) this.refusingRefresh.add(network);
    else this.refusingRefresh.delete(network);
  }

  failNextCreate(network: FakeNetwork, fault: CreateFault): void {
    this.faults.set(network, [...(this.faults.get(network) ?? []), fault]);
  }

  takeFault(network: FakeNetwork): CreateFault | undefined {
    return this.faults.get(network)?.shift();
  }

  addPost(post: Omit<FakePost, 'createdAt' | 'metrics'>): FakePost {
    const created: FakePost = {
      ...post,
      createdAt: new Date(),
      metrics: { likes: 7, comments: 2, shares: 1, impressions: 120 },
    };
    this.posts.push(created);
    return created;
  }

  /** Newest first. */
  postsBy(network: FakeNetwork, author: string): FakePost[] {
    return this.posts
      .filter((p) => p.network === network && p.author === author)
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  }
}

/** What a router does with a created post when a fault says the answer gets lost or late. */
export async function answerCreate(
  fault: CreateFault | undefined,
  response: ServerResponse,
  answer: () => void,
): Promise<void> {
  if (fault?.type === 'accept-then-drop') {
    response.socket?.destroy();
    return;
  }
  if (fault?.type === 'accept-then-late') {
    await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
    if (response.socket?.destroyed) return;
  }
  answer();
}

export function send(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  if (body === undefined) {
    response.writeHead(status, headers);
    response.end();
    return;
  }
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}

export function redirect(response: ServerResponse, location: string): void {
  response.writeHead(302, { location });
  response.end();
}

/** The consent step: auto-approves and returns to `redirect_uri` with a code and the state. */
export function approveConsent(
  state: SocialFakeState,
  network: FakeNetwork,
  request: FakeRequest,
  response: ServerResponse,
  pkce: boolean,
): void {
  const query = request.url.searchParams;
  const redirectUri = query.get('redirect_uri');
  const client = state.clients.get(network);
  if (!redirectUri || !client || query.get('client_id') !== client.clientId) {
    send(response, 400, { error: 'invalid_request' });
    return;
  }
  if (pkce && query.get('code_challenge_method') !== 'S256') {
    send(response, 400, { error: 'invalid_request', error_description: 'PKCE S256 required' });
    return;
  }
  const code = state.issueCode({
    network,
    redirectUri,
    codeChallenge: pkce ? (query.get('code_challenge') ?? '') : undefined,
  });
  const back = new URL(redirectUri);
  back.searchParams.set('code', code);
  back.searchParams.set('state', query.get('state') ?? '');
  redirect(response, back.toString());
}

/** JSON body, or a form / query body as an object. */
export function bodyFields(request: FakeRequest): Record<string, unknown> {
  const text = request.body.toString('utf8');
  const type = request.headers['content-type'] ?? '';
  if (type.includes('application/json')) {
    try {
      return JSON.parse(text) as Record<string, unknown>;
    } catch {
      return {};
    }
  }
  if (type.includes('application/x-www-form-urlencoded')) {
    return Object.fromEntries(new URLSearchParams(text));
  }
  return {};
}
