import { createHash, randomBytes } from 'node:crypto';
import {
  SocialNetworkError,
  type AuthorizeRequest,
  type CodeExchange,
  type PostMetrics,
  type PublishedPost,
  type RemotePost,
  type SocialAccountAccess,
  type SocialContent,
  type SocialIdentity,
  type SocialNetwork,
  type SocialTokens,
} from '../social-network.port';

/** Posts the sandbox "published", per account, newest first. */
export interface SandboxPostStore {
  add(accountRemoteId: string, post: RemotePost): Promise<void>;
  list(accountRemoteId: string): Promise<RemotePost[]>;
}

export class InMemorySandboxPostStore implements SandboxPostStore {
  private readonly posts = new Map<string, RemotePost[]>();

  add(accountRemoteId: string, post: RemotePost): Promise<void> {
    this.posts.set(accountRemoteId, [post, ...(this.posts.get(accountRemoteId) ?? [])]);
    return Promise.resolve();
  }

  list(accountRemoteId: string): Promise<RemotePost[]> {
    return Promise.resolve([...(this.posts.get(accountRemoteId) ?? [])]);
  }
}

type RedisLike = {
  lpush(key: string, value: string): Promise<unknown>;
  ltrim(key: string, start: number, stop: number): Promise<unknown>;
  pexpire(key: string, ms: number): Promise<unknown>;
  lrange(key: string, start: number, stop: number): Promise<string[]>;
};

/** Shared by every replica, so a worker can find a post another worker's create left unconfirmed. */
export class RedisSandboxPostStore implements SandboxPostStore {
  constructor(private readonly redis: RedisLike) {}

  async add(accountRemoteId: string, post: RemotePost): Promise<void> {
    const key = this.key(accountRemoteId);
    await this.redis.lpush(key, JSON.stringify(post));
    await this.redis.ltrim(key, 0, 199);
    await this.redis.pexpire(key, 30 * 86_400_000);
  }

  async list(accountRemoteId: string): Promise<RemotePost[]> {
    const rows = await this.redis.lrange(this.key(accountRemoteId), 0, -1);
    return rows.map((row) => {
      const post = JSON.parse(row) as RemotePost & { createdAt: string };
      return { ...post, createdAt: new Date(post.createdAt) };
    });
  }

  private key(accountRemoteId: string): string {
    return `social:sandbox:${accountRemoteId}`;
  }
}

const TOKEN_TTL_MS = 2 * 3_600_000;
const DUPLICATE_WINDOW_MS = 24 * 3_600_000;
const ACCESS_PREFIX = 'sbx_at_';

/**
 * The development network: connects without credentials (the authorize URL is
 * the callback itself, with a code bound to the PKCE challenge), accepts posts
 * under the strictest rules of the four networks (checked by the caller with
 * `validateContent('sandbox', …)`), answers a repeated text within 24 h as a
 * duplicate of the first post like X and LinkedIn do, and reports metrics that
 * grow with the post's age.
 */
export class SandboxNetwork implements SocialNetwork {
  readonly name = 'sandbox' as const;
  readonly usesPkce = true;
  private pendingTimeouts = 0;
  private pendingRefreshFailures = 0;

  constructor(
    private readonly store: SandboxPostStore = new InMemorySandboxPostStore(),
    private readonly publicBaseUrl = 'https://sandbox.social.invalid',
  ) {}

  /** Test hook: the next `count` creates store the post, then fail as a timeout would. */
  simulateTimeoutAfterAccept(count = 1): void {
    this.pendingTimeouts += count;
  }

  /** Test hook: the next `count` refreshes are refused as a revoked grant would be. */
  simulateRefreshFailure(count = 1): void {
    this.pendingRefreshFailures += count;
  }

  authorizeUrl({ state, codeChallenge, redirectUri }: AuthorizeRequest): string {
    const code = Buffer.from(
      JSON.stringify({ c: codeChallenge, n: randomBytes(8).toString('hex') }),
    ).toString('base64url');
    const url = new URL(redirectUri);
    url.searchParams.set('code', code);
    url.searchParams.set('state', state);
    return url.toString();
  }

  exchangeCode({ code, codeVerifier }: CodeExchange): Promise<SocialTokens> {
    let challenge: unknown;
    try {
      challenge = (JSON.parse(Buffer.from(code, 'base64url').toString('utf8')) as { c?: unknown })
        .c;
    } catch {
      challenge = undefined;
    }
    const expected = createHash('sha256').update(codeVerifier).digest('base64url');
    if (challenge !== expected) {
      return Promise.reject(new SocialNetworkError('rejected', 'invalid_grant', false));
    }
    return Promise.resolve(this.newTokens());
  }

  refresh(tokens: SocialTokens): Promise<SocialTokens> {
    if (this.pendingRefreshFailures > 0) {
      this.pendingRefreshFailures -= 1;
      return Promise.reject(new SocialNetworkError('invalid_token', 'invalid_grant', false));
    }
    if (!tokens.refreshToken) {
      return Promise.reject(new SocialNetworkError('invalid_token', 'no refresh token', false));
    }
    return Promise.resolve(this.newTokens());
  }

  revoke(): Promise<void> {
    return Promise.resolve();
  }

  identities(tokens: SocialTokens): Promise<SocialIdentity[]> {
    this.check(tokens.accessToken);
    const id = createHash('sha256').update(tokens.accessToken).digest('hex').slice(0, 12);
    return Promise.resolve([
      {
        remoteId: `sandbox-${id}`,
        name: `Sandbox member ${id.slice(0, 4)}`,
        handle: `@sandbox_${id.slice(0, 6)}`,
        kind: 'sandbox',
      },
    ]);
  }

  async createPost(account: SocialAccountAccess, content: SocialContent): Promise<PublishedPost> {
    this.check(account.accessToken);
    const now = new Date();
    const duplicate = (await this.store.list(account.remoteId)).find(
      (p) => p.text === content.text && now.getTime() - p.createdAt.getTime() < DUPLICATE_WINDOW_MS,
    );
    if (duplicate) {
      throw new SocialNetworkError('duplicate', 'duplicate content', false, {
        remoteId: duplicate.remoteId,
        url: duplicate.url,
      });
    }
    const remoteId = `sbx-${now.getTime().toString(36)}-${randomBytes(4).toString('hex')}`;
    const post = {
      remoteId,
      url: this.urlOf(account.remoteId, remoteId),
      text: content.text,
      createdAt: now,
    };
    await this.store.add(account.remoteId, post);
    if (this.pendingTimeouts > 0) {
      this.pendingTimeouts -= 1;
      throw new SocialNetworkError('timeout', 'no answer from sandbox within the timeout', false);
    }
    return { remoteId, url: post.url };
  }

  async findRecent(account: SocialAccountAccess, since: Date): Promise<RemotePost[]> {
    this.check(account.accessToken);
    return (await this.store.list(account.remoteId)).filter((p) => p.createdAt >= since);
  }

  /** Grows with the post's age (its creation time is in its id): likes every 2 s, and so on. */
  metrics(account: SocialAccountAccess, remoteId: string): Promise<PostMetrics> {
    this.check(account.accessToken);
    const created = parseInt(remoteId.split('-')[1] ?? '', 36);
    if (!Number.isFinite(created)) {
      return Promise.reject(new SocialNetworkError('rejected', 'unknown post', false));
    }
    const seconds = Math.max(0, (Date.now() - created) / 1000);
    return Promise.resolve({
      impressions: Math.floor(seconds * 5),
      likes: Math.floor(seconds / 2),
      comments: Math.floor(seconds / 10),
      shares: Math.floor(seconds / 20),
    });
  }

  rateLimitFrom(): null {
    return null;
  }

  private newTokens(): SocialTokens {
    return {
      accessToken: ACCESS_PREFIX + randomBytes(16).toString('base64url'),
      refreshToken: 'sbx_rt_' + randomBytes(16).toString('base64url'),
      expiresAt: new Date(Date.now() + TOKEN_TTL_MS),
      scopes: ['post.write', 'post.read', 'metrics.read'],
    };
  }

  private check(accessToken: string): void {
    if (!accessToken.startsWith(ACCESS_PREFIX)) {
      throw new SocialNetworkError('invalid_token', 'invalid access token', false);
    }
  }

  private urlOf(accountRemoteId: string, remoteId: string): string {
    return `${this.publicBaseUrl}/${accountRemoteId}/posts/${remoteId}`;
  }
}
