import { setTimeout as sleep } from 'node:timers/promises';
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
import { MetaGraph } from './meta-graph';
import { expiresAt, type NetworkDriverOptions } from './network-driver.options';
import { callNetwork, form, joinUrl, num, str } from './network-http';

export const INSTAGRAM_DEFAULTS = {
  authBase: 'https://www.instagram.com',
  /** The code exchange lives here; an INSTAGRAM_AUTH_BASE override serves both. */
  tokenBase: 'https://api.instagram.com',
  apiBase: 'https://graph.instagram.com',
};
export const INSTAGRAM_GRAPH_VERSION = 'v23.0';
const V = `/${INSTAGRAM_GRAPH_VERSION}`;
const SCOPES = [
  'instagram_business_basic',
  'instagram_business_content_publish',
  'instagram_business_manage_insights',
];

export interface InstagramOptions extends NetworkDriverOptions {
  tokenBase: string;
  /** Between two reads of a media container's `status_code`. */
  pollIntervalMs?: number;
  maxPolls?: number;
}

/**
 * Instagram professional accounts through Instagram Login (Basic Display is gone):
 * a short-lived token traded for a 60-day one that refreshes itself, so it is
 * also kept as the refresh token. Publishing is a media container (carousel: one
 * per image, then the carousel), polled until FINISHED, then `media_publish`,
 * whose id is the post. The 50-posts-per-24-h quota is read before publishing.
 */
export class InstagramNetwork implements SocialNetwork {
  readonly name = 'instagram' as const;
  readonly usesPkce = false;
  private readonly graph: MetaGraph;

  constructor(private readonly options: InstagramOptions) {
    this.graph = new MetaGraph('Instagram', options.apiBase, options.timeoutMs);
  }

  authorizeUrl({ state, redirectUri }: AuthorizeRequest): string {
    const url = new URL(joinUrl(this.options.authBase, '/oauth/authorize'));
    url.search = new URLSearchParams({
      client_id: this.options.clientId,
      redirect_uri: redirectUri,
      response_type: 'code',
      scope: SCOPES.join(','),
      state,
    }).toString();
    return url.toString();
  }

  async exchangeCode({ code, redirectUri }: CodeExchange): Promise<SocialTokens> {
    const response = await callNetwork(
      'Instagram',
      joinUrl(this.options.tokenBase, '/oauth/access_token'),
      {
        method: 'POST',
        ...form({
          client_id: this.options.clientId,
          client_secret: this.options.clientSecret,
          grant_type: 'authorization_code',
          redirect_uri: redirectUri,
          code,
        }),
      },
      this.options.timeoutMs,
    );
    // Answered as `{data:[{access_token,user_id,permissions}]}` or flat, depending on the version.
    const raw = response.body as { data?: Array<Record<string, unknown>> } & Record<
      string,
      unknown
    >;
    const short = Array.isArray(raw?.data) ? raw.data[0] : raw;
    if (response.status !== 200 || !short?.access_token) {
      if (response.status >= 500) this.graph.fail(response);
      throw new SocialNetworkError('rejected', `Instagram token: ${response.status}`, false);
    }
    const permissions = short.permissions;
    const scopes = Array.isArray(permissions)
      ? permissions.map(String)
      : str(permissions).split(',').filter(Boolean);
    const long = await this.longLived(
      `/access_token?${new URLSearchParams({
        grant_type: 'ig_exchange_token',
        client_secret: this.options.clientSecret,
      }).toString()}`,
      str(short.access_token),
      'rejected',
    );
    return { ...long, scopes };
  }

  async refresh(tokens: SocialTokens): Promise<SocialTokens> {
    const renewed = await this.longLived(
      '/refresh_access_token?grant_type=ig_refresh_token',
      tokens.accessToken,
      'invalid_token',
    );
    return { ...renewed, scopes: tokens.scopes };
  }

  /** Instagram Login has no revoke endpoint: the user removes the app in Instagram's settings. */
  revoke(): Promise<void> {
    return Promise.resolve();
  }

  async identities(tokens: SocialTokens): Promise<SocialIdentity[]> {
    const response = await this.graph.call(
      tokens.accessToken,
      `${V}/me?fields=user_id,username,name`,
    );
    const me = response.body as { user_id?: string; id?: string; username?: string; name?: string };
    const id = me?.user_id ?? me?.id;
    if (!id) throw new SocialNetworkError('rejected', 'Instagram /me has no user_id', false);
    return [
      {
        remoteId: String(id),
        name: me.name || me.username || 'Instagram account',
        handle: me.username ? `@${me.username}` : null,
        kind: 'instagram_account',
      },
    ];
  }

  async createPost(account: SocialAccountAccess, content: SocialContent): Promise<PublishedPost> {
    if (content.media.length === 0) {
      throw new SocialNetworkError('rejected', 'Instagram needs an image or a video', false);
    }
    const user = `${V}/${encodeURIComponent(account.remoteId)}`;
    await this.assertQuota(account, user);
    const container = async (fields: Record<string, unknown>) => {
      const response = await this.graph.call(account.accessToken, `${user}/media`, 'POST', fields);
      const id = str((response.body as { id?: string })?.id);
      if (!id) throw new SocialNetworkError('rejected', 'Instagram gave no container id', true);
      await this.waitUntilFinished(account.accessToken, id);
      return id;
    };
    const mediaFields = (m: SocialContent['media'][number]) =>
      m.kind === 'video' ? { media_type: 'REELS', video_url: m.url } : { image_url: m.url };
    let creationId: string;
    if (content.media.length === 1) {
      creationId = await container({ ...mediaFields(content.media[0]), caption: content.text });
    } else {
      const children: string[] = [];
      for (const m of content.media) {
        children.push(await container({ ...mediaFields(m), is_carousel_item: true }));
      }
      creationId = await container({
        media_type: 'CAROUSEL',
        children: children.join(','),
        caption: content.text,
      });
    }
    const published = await this.graph.call(account.accessToken, `${user}/media_publish`, 'POST', {
      creation_id: creationId,
    });
    const id = str((published.body as { id?: string })?.id);
    if (!id)
      throw new SocialNetworkError('timeout', 'Instagram answered without a media id', false);
    return { remoteId: id, url: await this.permalink(account.accessToken, id) };
  }

  async findRecent(account: SocialAccountAccess, since: Date): Promise<RemotePost[]> {
    const response = await this.graph.call(
      account.accessToken,
      `${V}/${encodeURIComponent(account.remoteId)}/media?fields=id,caption,timestamp,permalink&limit=50`,
    );
    const media = (response.body as { data?: Array<Record<string, unknown>> })?.data ?? [];
    return media
      .filter((m) => str(m.id) && str(m.timestamp))
      .map((m) => ({
        remoteId: str(m.id),
        url: str(m.permalink) || 'https://www.instagram.com/',
        text: str(m.caption),
        createdAt: new Date(str(m.timestamp)),
      }))
      .filter((m) => m.createdAt >= since)
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  }

  async metrics(account: SocialAccountAccess, remoteId: string): Promise<PostMetrics> {
    const media = `${V}/${encodeURIComponent(remoteId)}`;
    const counts = await this.graph.call(
      account.accessToken,
      `${media}?fields=like_count,comments_count`,
    );
    const body = counts.body as { like_count?: number; comments_count?: number };
    const insights = await this.insights(account.accessToken, media);
    return {
      likes: num(body?.like_count),
      comments: num(body?.comments_count),
      shares: insights.shares ?? 0,
      impressions: insights.views ?? null,
    };
  }

  rateLimitFrom(headers: Record<string, string | string[] | undefined>): NetworkRateLimit | null {
    return metaRateLimit(headers);
  }

  private async assertQuota(account: SocialAccountAccess, user: string): Promise<void> {
    const response = await this.graph.call(
      account.accessToken,
      `${user}/content_publishing_limit?fields=quota_usage,config`,
    );
    const limit = (
      response.body as {
        data?: Array<{
          quota_usage?: number;
          config?: { quota_total?: number; quota_duration?: number };
        }>;
      }
    )?.data?.[0];
    const total = limit?.config?.quota_total;
    if (total !== undefined && num(limit?.quota_usage) >= total) {
      throw new SocialNetworkError(
        'rate_limited',
        `Instagram publishing quota used: ${total} posts per ${num(limit?.config?.quota_duration) / 3600} h`,
        true,
        undefined,
        { limit: total, remaining: 0, resetAt: null, usagePercent: 100 },
      );
    }
  }

  /** Instagram fetches the media itself; the container is publishable once FINISHED. */
  private async waitUntilFinished(token: string, containerId: string): Promise<void> {
    const polls = this.options.maxPolls ?? 30;
    for (let i = 0; i < polls; i += 1) {
      const response = await this.graph.call(
        token,
        `${V}/${encodeURIComponent(containerId)}?fields=status_code,status`,
      );
      const { status_code: code, status } = (response.body ?? {}) as Record<string, string>;
      if (code === 'FINISHED') return;
      if (code === 'ERROR' || code === 'EXPIRED') {
        throw new SocialNetworkError(
          'rejected',
          `Instagram media container ${code}${status ? `: ${status}` : ''}`,
          code === 'EXPIRED',
        );
      }
      await sleep(this.options.pollIntervalMs ?? 2000);
    }
    throw new SocialNetworkError(
      'unavailable',
      'Instagram media container not ready in time',
      true,
    );
  }

  private async insights(
    token: string,
    media: string,
  ): Promise<{ views?: number; shares?: number }> {
    try {
      const response = await this.graph.call(token, `${media}/insights?metric=views,shares`);
      const data =
        (
          response.body as {
            data?: Array<{
              name?: string;
              values?: Array<{ value?: number }>;
              total_value?: { value?: number };
            }>;
          }
        )?.data ?? [];
      const value = (name: string) => {
        const row = data.find((d) => d.name === name);
        return row?.total_value?.value ?? row?.values?.[0]?.value;
      };
      return { views: value('views'), shares: value('shares') };
    } catch (error) {
      if (error instanceof SocialNetworkError && error.kind === 'rejected') return {};
      throw error;
    }
  }

  /** After the post exists nothing may fail it: the permalink is a nicety. */
  private async permalink(token: string, id: string): Promise<string> {
    try {
      const response = await this.graph.call(
        token,
        `${V}/${encodeURIComponent(id)}?fields=permalink`,
      );
      return (
        str((response.body as { permalink?: string })?.permalink) || 'https://www.instagram.com/'
      );
    } catch {
      return 'https://www.instagram.com/';
    }
  }

  private async longLived(
    path: string,
    token: string,
    refusal: 'rejected' | 'invalid_token',
  ): Promise<SocialTokens> {
    try {
      // These two endpoints read the token from the query string.
      const response = await this.graph.call(
        token,
        `${path}&access_token=${encodeURIComponent(token)}`,
      );
      const body = response.body as Record<string, unknown>;
      const accessToken = str(body?.access_token);
      if (!accessToken) throw new SocialNetworkError(refusal, 'Instagram gave no token', false);
      return {
        accessToken,
        refreshToken: accessToken,
        expiresAt: expiresAt(body.expires_in),
        scopes: [],
      };
    } catch (error) {
      if (error instanceof SocialNetworkError && !['unavailable', 'timeout'].includes(error.kind)) {
        throw new SocialNetworkError(refusal, error.message, false);
      }
      throw error;
    }
  }
}
