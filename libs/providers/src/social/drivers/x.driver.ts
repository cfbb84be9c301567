import { xRateLimit } from '../rate-limit-headers';
import {
  SocialNetworkError,
  type AuthorizeRequest,
  type CodeExchange,
  type NetworkRateLimit,
  type PostMetrics,
  type PublishedPost,
  type RemotePost,
  type SocialAccountAccess,
  type SocialContent,
  type SocialIdentity,
  type SocialNetwork,
  type SocialTokens,
} from '../social-network.port';
import { expiresAt, type NetworkDriverOptions } from './network-driver.options';
import {
  bearer,
  callNetwork,
  form,
  joinUrl,
  json,
  mediaBytes,
  num,
  str,
  type NetworkResponse,
} from './network-http';

export const X_DEFAULTS = { authBase: 'https://x.com', apiBase: 'https://api.x.com' };

const SCOPES = ['tweet.read', 'tweet.write', 'users.read', 'offline.access', 'media.write'];
/** X answers a repeated text as a duplicate of a post from about this far back. */
const DUPLICATE_LOOKBACK_MS = 48 * 3_600_000;

interface Tweet {
  id?: string;
  text?: string;
  created_at?: string;
  entities?: { urls?: Array<{ url?: string; expanded_url?: string; media_key?: string }> };
}

/**
 * X API v2: OAuth 2.0 with PKCE and a confidential client (Basic auth at the token
 * endpoint), rotating refresh tokens, media through `/2/media/upload`, posts through
 * `/2/tweets` (id in the body), threads as replies, `x-rate-limit-*` headers.
 */
export class XNetwork implements SocialNetwork {
  readonly name = 'x' as const;
  readonly usesPkce = true;

  constructor(private readonly options: NetworkDriverOptions) {}

  authorizeUrl({ state, codeChallenge, redirectUri }: AuthorizeRequest): string {
    const url = new URL(joinUrl(this.options.authBase, '/i/oauth2/authorize'));
    url.search = new URLSearchParams({
      response_type: 'code',
      client_id: this.options.clientId,
      redirect_uri: redirectUri,
      scope: SCOPES.join(' '),
      state,
      code_challenge: codeChallenge,
      code_challenge_method: 'S256',
    }).toString();
    return url.toString();
  }

  exchangeCode({ code, codeVerifier, redirectUri }: CodeExchange): Promise<SocialTokens> {
    return this.token(
      {
        grant_type: 'authorization_code',
        code,
        redirect_uri: redirectUri,
        code_verifier: codeVerifier,
      },
      'rejected',
    );
  }

  refresh(tokens: SocialTokens): Promise<SocialTokens> {
    if (!tokens.refreshToken) {
      return Promise.reject(new SocialNetworkError('invalid_token', 'No X refresh token', false));
    }
    return this.token(
      { grant_type: 'refresh_token', refresh_token: tokens.refreshToken },
      'invalid_token',
    );
  }

  async revoke(tokens: SocialTokens): Promise<void> {
    await this.call(joinUrl(this.options.apiBase, '/2/oauth2/revoke'), {
      method: 'POST',
      headers: { ...form({}).headers, authorization: this.basic() },
      body: new URLSearchParams({
        token: tokens.refreshToken ?? tokens.accessToken,
        token_type_hint: tokens.refreshToken ? 'refresh_token' : 'access_token',
        client_id: this.options.clientId,
      }).toString(),
    });
  }

  async identities(tokens: SocialTokens): Promise<SocialIdentity[]> {
    const response = await this.api(tokens.accessToken, '/2/users/me', { method: 'GET' });
    const data = (response.body as { data?: { id?: string; name?: string; username?: string } })
      ?.data;
    if (!data?.id) throw new SocialNetworkError('rejected', 'X users/me has no id', false);
    return [
      {
        remoteId: data.id,
        name: data.name ?? data.username ?? 'X account',
        handle: data.username ? `@${data.username}` : null,
        kind: 'member',
      },
    ];
  }

  async createPost(account: SocialAccountAccess, content: SocialContent): Promise<PublishedPost> {
    const mediaIds: string[] = [];
    for (const media of content.media) mediaIds.push(await this.upload(account, media));
    const body: Record<string, unknown> = { text: content.text };
    if (mediaIds.length > 0) body.media = { media_ids: mediaIds };
    let response: NetworkResponse;
    try {
      response = await this.api(account.accessToken, '/2/tweets', {
        method: 'POST',
        ...json(body),
      });
    } catch (error) {
      throw await this.resolveDuplicate(account, content.text, error);
    }
    const id = (response.body as { data?: { id?: string } })?.data?.id;
    if (!id) throw new SocialNetworkError('timeout', 'X answered without data.id', false);
    // The thread hangs off the published post: a failed reply does not undo it.
    let parent = id;
    for (const text of content.thread ?? []) {
      try {
        const reply = await this.api(account.accessToken, '/2/tweets', {
          method: 'POST',
          ...json({ text, reply: { in_reply_to_tweet_id: parent } }),
        });
        parent = (reply.body as { data?: { id?: string } })?.data?.id ?? parent;
      } catch {
        break;
      }
    }
    return { remoteId: id, url: tweetUrl(id) };
  }

  async findRecent(account: SocialAccountAccess, since: Date): Promise<RemotePost[]> {
    const query = new URLSearchParams({
      max_results: '100',
      start_time: since.toISOString(),
      'tweet.fields': 'created_at,entities',
    });
    const response = await this.api(
      account.accessToken,
      `/2/users/${encodeURIComponent(account.remoteId)}/tweets?${query.toString()}`,
      { method: 'GET' },
    );
    const tweets = (response.body as { data?: Tweet[] })?.data ?? [];
    return tweets
      .filter((t) => t.id && t.created_at)
      .map((t) => ({
        remoteId: t.id!,
        url: tweetUrl(t.id!),
        text: textAsWritten(t),
        createdAt: new Date(t.created_at!),
      }))
      .filter((t) => t.createdAt >= since)
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  }

  async metrics(account: SocialAccountAccess, remoteId: string): Promise<PostMetrics> {
    const response = await this.api(
      account.accessToken,
      `/2/tweets/${encodeURIComponent(remoteId)}?tweet.fields=public_metrics`,
      { method: 'GET' },
    );
    const m = (response.body as { data?: { public_metrics?: Record<string, unknown> } })?.data
      ?.public_metrics;
    if (!m) throw new SocialNetworkError('rejected', 'X gave no public_metrics', false);
    return {
      likes: num(m.like_count),
      comments: num(m.reply_count),
      shares: num(m.retweet_count) + num(m.quote_count),
      impressions: typeof m.impression_count === 'number' ? m.impression_count : null,
    };
  }

  rateLimitFrom(headers: Record<string, string | string[] | undefined>): NetworkRateLimit | null {
    return xRateLimit(headers);
  }

  /**
   * X's 403 for a duplicate does not say which post it repeats: the account's
   * recent posts do. Found → `duplicate` with that post; otherwise the refusal stands.
   */
  private async resolveDuplicate(
    account: SocialAccountAccess,
    text: string,
    error: unknown,
  ): Promise<unknown> {
    if (!(error instanceof SocialNetworkError) || error.kind !== 'duplicate') return error;
    const since = new Date(Date.now() - DUPLICATE_LOOKBACK_MS);
    const match = (await this.findRecent(account, since)).find(
      (p) => p.text.trim() === text.trim(),
    );
    if (!match) {
      return new SocialNetworkError('rejected', `${error.message} (an older post)`, false);
    }
    return new SocialNetworkError('duplicate', error.message, false, {
      remoteId: match.remoteId,
      url: match.url,
    });
  }

  private async upload(
    account: SocialAccountAccess,
    media: SocialContent['media'][number],
  ): Promise<string> {
    const bytes = await mediaBytes('X', media, this.options.timeoutMs);
    const body = new FormData();
    body.set('media', new Blob([new Uint8Array(bytes)], { type: media.mimeType }), 'media');
    body.set('media_category', media.kind === 'video' ? 'tweet_video' : 'tweet_image');
    body.set('media_type', media.mimeType);
    const response = await this.api(account.accessToken, '/2/media/upload', {
      method: 'POST',
      body,
    });
    const id = (response.body as { data?: { id?: string } })?.data?.id;
    if (!id) throw new SocialNetworkError('rejected', 'X media upload gave no id', true);
    return id;
  }

  private async token(
    fields: Record<string, string>,
    refusal: 'rejected' | 'invalid_token',
  ): Promise<SocialTokens> {
    const response = await this.call(joinUrl(this.options.apiBase, '/2/oauth2/token'), {
      method: 'POST',
      headers: { ...form({}).headers, authorization: this.basic() },
      body: new URLSearchParams({ ...fields, client_id: this.options.clientId }).toString(),
    });
    const body = response.body as Record<string, unknown> | null;
    if (response.status !== 200 || !body?.access_token) {
      if (response.status >= 500) this.fail(response);
      throw new SocialNetworkError(
        refusal,
        `X token: ${str(body?.error) || response.status}`,
        false,
      );
    }
    return {
      accessToken: str(body.access_token),
      refreshToken: str(body.refresh_token) || null,
      expiresAt: expiresAt(body.expires_in),
      scopes: str(body.scope).split(' ').filter(Boolean),
    };
  }

  private basic(): string {
    const pair = `${encodeURIComponent(this.options.clientId)}:${encodeURIComponent(this.options.clientSecret)}`;
    return `Basic ${Buffer.from(pair).toString('base64')}`;
  }

  private async api(token: string, path: string, init: RequestInit): Promise<NetworkResponse> {
    const response = await this.call(joinUrl(this.options.apiBase, path), {
      ...init,
      headers: { ...(init.headers as Record<string, string>), ...bearer(token) },
    });
    if (response.status >= 300) this.fail(response);
    return response;
  }

  private call(url: string, init: RequestInit): Promise<NetworkResponse> {
    return callNetwork('X', url, init, this.options.timeoutMs);
  }

  private fail(response: NetworkResponse): never {
    const body = response.body as { detail?: string; title?: string; error?: string } | null;
    const message = `X ${response.status}: ${body?.detail ?? body?.title ?? body?.error ?? 'error'}`;
    if (response.status === 401) throw new SocialNetworkError('invalid_token', message, false);
    if (response.status === 429) {
      throw new SocialNetworkError(
        'rate_limited',
        message,
        true,
        undefined,
        xRateLimit(response.headers),
      );
    }
    if (response.status === 403 && /duplicate/i.test(message)) {
      throw new SocialNetworkError('duplicate', message, false);
    }
    if (response.status >= 500) throw new SocialNetworkError('unavailable', message, true);
    throw new SocialNetworkError('rejected', message, false);
  }
}

const tweetUrl = (id: string) => `https://x.com/i/web/status/${id}`;

/** X shortens links to t.co, appends a t.co link per attached media and HTML-escapes `& < >`. */
function textAsWritten(tweet: Tweet): string {
  let text = tweet.text ?? '';
  for (const url of tweet.entities?.urls ?? []) {
    if (!url.url) continue;
    text = text.split(url.url).join(url.media_key ? '' : (url.expanded_url ?? url.url));
  }
  return text.trimEnd().replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}
