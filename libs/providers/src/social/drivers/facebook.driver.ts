import { metaRateLimit } from '../rate-limit-headers';
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
import { MetaGraph, sameText } from './meta-graph';
import { expiresAt, type NetworkDriverOptions } from './network-driver.options';
import { callNetwork, joinUrl, num, str } from './network-http';

export const FACEBOOK_DEFAULTS = {
  authBase: 'https://www.facebook.com',
  apiBase: 'https://graph.facebook.com',
};
export const FACEBOOK_GRAPH_VERSION = 'v25.0';
const V = `/${FACEBOOK_GRAPH_VERSION}`;
const SCOPES = ['pages_show_list', 'pages_manage_posts', 'pages_read_engagement', 'read_insights'];

/**
 * Facebook Pages through the Graph API: the user's token is made long-lived and
 * traded for each page's own token (which does not expire), so every page is an
 * account. Text goes to `/feed` (id `{page}_{post}`), one photo to `/photos`
 * (`post_id`), several photos unpublished then attached to a `/feed` post.
 */
export class FacebookNetwork implements SocialNetwork {
  readonly name = 'facebook' as const;
  readonly usesPkce = false;
  private readonly graph: MetaGraph;

  constructor(private readonly options: NetworkDriverOptions) {
    this.graph = new MetaGraph('Facebook', options.apiBase, options.timeoutMs);
  }

  authorizeUrl({ state, redirectUri }: AuthorizeRequest): string {
    const url = new URL(joinUrl(this.options.authBase, `${V}/dialog/oauth`));
    url.search = new URLSearchParams({
      client_id: this.options.clientId,
      redirect_uri: redirectUri,
      state,
      response_type: 'code',
      scope: SCOPES.join(','),
    }).toString();
    return url.toString();
  }

  async exchangeCode({ code, redirectUri }: CodeExchange): Promise<SocialTokens> {
    const short = await this.token({ redirect_uri: redirectUri, code });
    const long = await this.token({
      grant_type: 'fb_exchange_token',
      fb_exchange_token: short.accessToken,
    });
    return { ...long, scopes: SCOPES };
  }

  /** Page tokens do not expire and user tokens are not refreshable: reconnect instead. */
  refresh(): Promise<SocialTokens> {
    return Promise.reject(
      new SocialNetworkError('invalid_token', 'Facebook tokens are renewed by reconnecting', false),
    );
  }

  /**
   * A no-op: accounts hold page tokens, and revoking the app's grant (DELETE
   * /me/permissions, user token) would also cut off the user's other pages.
   */
  revoke(): Promise<void> {
    return Promise.resolve();
  }

  async identities(tokens: SocialTokens): Promise<SocialIdentity[]> {
    const response = await this.graph.call(
      tokens.accessToken,
      `${V}/me/accounts?fields=id,name,access_token&limit=100`,
    );
    const pages = (response.body as { data?: Array<Record<string, unknown>> })?.data ?? [];
    return pages
      .filter((p) => str(p.id) && str(p.access_token))
      .map((p) => ({
        remoteId: str(p.id),
        name: str(p.name) || 'Facebook page',
        handle: null,
        kind: 'page',
        accessToken: str(p.access_token),
        tokenExpiresAt: null,
      }));
  }

  async createPost(account: SocialAccountAccess, content: SocialContent): Promise<PublishedPost> {
    if (content.media.some((m) => m.kind === 'video')) {
      throw new SocialNetworkError('rejected', 'Videos to Facebook are not supported yet', false);
    }
    const page = encodeURIComponent(account.remoteId);
    try {
      if (content.media.length === 1) {
        const photo = await this.graph.call(account.accessToken, `${V}/${page}/photos`, 'POST', {
          url: content.media[0].url,
          caption: content.text,
          published: true,
        });
        return this.published(str((photo.body as { post_id?: string })?.post_id));
      }
      const attached: Array<{ media_fbid: string }> = [];
      for (const media of content.media) {
        const photo = await this.graph.call(account.accessToken, `${V}/${page}/photos`, 'POST', {
          url: media.url,
          published: false,
        });
        attached.push({ media_fbid: str((photo.body as { id?: string })?.id) });
      }
      const post = await this.graph.call(account.accessToken, `${V}/${page}/feed`, 'POST', {
        message: content.text,
        published: true,
        ...(attached.length ? { attached_media: attached } : {}),
      });
      return this.published(str((post.body as { id?: string })?.id));
    } catch (error) {
      if (error instanceof SocialNetworkError && error.kind === 'duplicate' && !error.existing) {
        const match = sameText(
          await this.findRecent(account, new Date(Date.now() - 86_400_000)),
          content.text,
        );
        if (match) throw new SocialNetworkError('duplicate', error.message, false, match);
        throw new SocialNetworkError('rejected', error.message, false);
      }
      throw error;
    }
  }

  async findRecent(account: SocialAccountAccess, since: Date): Promise<RemotePost[]> {
    const query = new URLSearchParams({
      fields: 'id,message,created_time,permalink_url',
      since: String(Math.floor(since.getTime() / 1000)),
      limit: '100',
    });
    const response = await this.graph.call(
      account.accessToken,
      `${V}/${encodeURIComponent(account.remoteId)}/published_posts?${query.toString()}`,
    );
    const posts = (response.body as { data?: Array<Record<string, unknown>> })?.data ?? [];
    return posts
      .filter((p) => str(p.id) && str(p.created_time))
      .map((p) => ({
        remoteId: str(p.id),
        url: str(p.permalink_url) || postUrl(str(p.id)),
        text: str(p.message),
        createdAt: new Date(str(p.created_time)),
      }))
      .filter((p) => p.createdAt >= since)
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  }

  async metrics(account: SocialAccountAccess, remoteId: string): Promise<PostMetrics> {
    const post = encodeURIComponent(remoteId);
    const counts = await this.graph.call(
      account.accessToken,
      `${V}/${post}?fields=reactions.summary(total_count).limit(0),comments.summary(total_count).limit(0),shares`,
    );
    const body = counts.body as {
      reactions?: { summary?: { total_count?: number } };
      comments?: { summary?: { total_count?: number } };
      shares?: { count?: number };
    };
    return {
      likes: num(body?.reactions?.summary?.total_count),
      comments: num(body?.comments?.summary?.total_count),
      shares: num(body?.shares?.count),
      impressions: await this.impressions(account.accessToken, post),
    };
  }

  rateLimitFrom(headers: Record<string, string | string[] | undefined>): NetworkRateLimit | null {
    return metaRateLimit(headers);
  }

  /** Insights metric names change between Graph versions: an unknown metric means "not reported". */
  private async impressions(token: string, post: string): Promise<number | null> {
    try {
      const response = await this.graph.call(
        token,
        `${V}/${post}/insights?metric=post_impressions`,
      );
      const data = (response.body as { data?: Array<{ values?: Array<{ value?: unknown }> }> })
        ?.data;
      const value = data?.[0]?.values?.[0]?.value;
      return typeof value === 'number' ? value : null;
    } catch (error) {
      if (error instanceof SocialNetworkError && error.kind === 'rejected') return null;
      throw error;
    }
  }

  private published(id: string): PublishedPost {
    if (!id) throw new SocialNetworkError('timeout', 'Facebook answered without a post id', false);
    return { remoteId: id, url: postUrl(id) };
  }

  /** The OAuth token endpoint: client secret in the query, as Graph wants it (never logged). */
  private async token(fields: Record<string, string>): Promise<SocialTokens> {
    const query = new URLSearchParams({
      client_id: this.options.clientId,
      client_secret: this.options.clientSecret,
      ...fields,
    });
    const response = await callNetwork(
      'Facebook',
      this.graph.url(`${V}/oauth/access_token?${query.toString()}`),
      { method: 'GET' },
      this.options.timeoutMs,
    );
    const body = response.body as Record<string, unknown> | null;
    if (response.status !== 200 || !body?.access_token) {
      try {
        this.graph.fail(response);
      } catch (error) {
        if (error instanceof SocialNetworkError && error.kind === 'unavailable') throw error;
        throw new SocialNetworkError('rejected', (error as Error).message, false);
      }
    }
    return {
      accessToken: str(body.access_token),
      refreshToken: null,
      expiresAt: expiresAt(body.expires_in),
      scopes: [],
    };
  }
}

const postUrl = (id: string) => `https://www.facebook.com/${id}`;
