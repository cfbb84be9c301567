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
import { expiresAt, type NetworkDriverOptions } from './network-driver.options';
import {
  bearer,
  callNetwork,
  form,
  headerOf,
  joinUrl,
  json,
  mediaBytes,
  num,
  str,
  type NetworkResponse,
} from './network-http';

export const LINKEDIN_DEFAULTS = {
  authBase: 'https://www.linkedin.com',
  apiBase: 'https://api.linkedin.com',
};

/** Versioned API month; LinkedIn sunsets a version about a year after release (426). */
export const LINKEDIN_VERSION = '202511';
const SCOPES = ['openid', 'profile', 'w_member_social', 'r_member_postAnalytics'];
const LITTLE_TEXT_RESERVED = /[\\|{}@[\]()<>#*_~]/g;

/** "Little text": LinkedIn reads these characters as markup unless escaped. */
export const escapeLittleText = (text: string) => text.replace(LITTLE_TEXT_RESERVED, '\\$&');
export const unescapeLittleText = (text: string) => text.replace(/\\([\\|{}@[\]()<>#*_~])/g, '$1');

/**
 * LinkedIn member posting: OAuth 2.0 (no PKCE; refresh tokens only for approved
 * partners, so most tokens lapse after 60 days and the user is warned), the
 * versioned `/rest/posts` API (post URN in the `x-restli-id` header), images through
 * `initializeUpload` + PUT, and member post analytics.
 */
export class LinkedInNetwork implements SocialNetwork {
  readonly name = 'linkedin' as const;
  readonly usesPkce = false;

  constructor(private readonly options: NetworkDriverOptions) {}

  authorizeUrl({ state, redirectUri }: AuthorizeRequest): string {
    const url = new URL(joinUrl(this.options.authBase, '/oauth/v2/authorization'));
    url.search = new URLSearchParams({
      response_type: 'code',
      client_id: this.options.clientId,
      redirect_uri: redirectUri,
      state,
      scope: SCOPES.join(' '),
    }).toString();
    return url.toString();
  }

  exchangeCode({ code, redirectUri }: CodeExchange): Promise<SocialTokens> {
    return this.token(
      { grant_type: 'authorization_code', code, redirect_uri: redirectUri },
      'rejected',
    );
  }

  refresh(tokens: SocialTokens): Promise<SocialTokens> {
    if (!tokens.refreshToken) {
      return Promise.reject(
        new SocialNetworkError('invalid_token', 'LinkedIn issued no refresh token', false),
      );
    }
    return this.token(
      { grant_type: 'refresh_token', refresh_token: tokens.refreshToken },
      'invalid_token',
    );
  }

  async revoke(tokens: SocialTokens): Promise<void> {
    await this.call(joinUrl(this.options.authBase, '/oauth/v2/revoke'), {
      method: 'POST',
      ...form({
        token: tokens.accessToken,
        client_id: this.options.clientId,
        client_secret: this.options.clientSecret,
      }),
    });
  }

  async identities(tokens: SocialTokens): Promise<SocialIdentity[]> {
    const response = await this.api(tokens.accessToken, '/v2/userinfo', { method: 'GET' });
    const body = response.body as { sub?: string; name?: string };
    if (!body?.sub) throw new SocialNetworkError('rejected', 'LinkedIn userinfo has no sub', false);
    return [
      { remoteId: body.sub, name: body.name ?? 'LinkedIn member', handle: null, kind: 'member' },
    ];
  }

  async createPost(account: SocialAccountAccess, content: SocialContent): Promise<PublishedPost> {
    if (content.media.some((m) => m.kind === 'video')) {
      throw new SocialNetworkError('rejected', 'Videos to LinkedIn are not supported yet', false);
    }
    const author = personUrn(account.remoteId);
    const images: string[] = [];
    for (const media of content.media) images.push(await this.uploadImage(account, author, media));
    const post: Record<string, unknown> = {
      author,
      commentary: escapeLittleText(content.text),
      visibility: 'PUBLIC',
      distribution: {
        feedDistribution: 'MAIN_FEED',
        targetEntities: [],
        thirdPartyDistributionChannels: [],
      },
      lifecycleState: 'PUBLISHED',
      isReshareDisabledByAuthor: false,
    };
    if (images.length === 1) post.content = { media: { id: images[0] } };
    if (images.length > 1) post.content = { multiImage: { images: images.map((id) => ({ id })) } };
    const response = await this.api(account.accessToken, '/rest/posts', {
      method: 'POST',
      ...json(post),
    });
    const urn = headerOf(response.headers, 'x-restli-id');
    if (!urn)
      throw new SocialNetworkError('timeout', 'LinkedIn answered without x-restli-id', false);
    return { remoteId: urn, url: postUrl(urn) };
  }

  async findRecent(account: SocialAccountAccess, since: Date): Promise<RemotePost[]> {
    const query = new URLSearchParams({
      q: 'author',
      author: personUrn(account.remoteId),
      count: '50',
      sortBy: 'CREATED',
    });
    const response = await this.api(account.accessToken, `/rest/posts?${query.toString()}`, {
      method: 'GET',
    });
    const elements = (response.body as { elements?: unknown[] })?.elements ?? [];
    return elements
      .map((e) => e as { id?: string; commentary?: string; createdAt?: number })
      .filter((e) => e.id && typeof e.createdAt === 'number' && e.createdAt >= since.getTime())
      .map((e) => ({
        remoteId: e.id!,
        url: postUrl(e.id!),
        text: unescapeLittleText(e.commentary ?? ''),
        createdAt: new Date(e.createdAt!),
      }))
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  }

  async metrics(account: SocialAccountAccess, remoteId: string): Promise<PostMetrics> {
    const [, , kind] = remoteId.split(':');
    const entity = `(${kind === 'ugcPost' ? 'ugc' : 'share'}:${encodeURIComponent(remoteId)})`;
    const count = async (queryType: string) => {
      const path =
        `/rest/memberCreatorPostAnalytics?q=entity&entity=${entity}` +
        `&queryType=${queryType}&aggregation=TOTAL`;
      const response = await this.api(account.accessToken, path, { method: 'GET' });
      const elements = (response.body as { elements?: Array<{ count?: number }> })?.elements ?? [];
      return elements.reduce((sum, e) => sum + num(e.count), 0);
    };
    const [impressions, likes, comments, shares] = [
      await count('IMPRESSION'),
      await count('REACTION'),
      await count('COMMENT'),
      await count('RESHARE'),
    ];
    return { impressions, likes, comments, shares };
  }

  /** LinkedIn publishes no rate-limit headers (daily limits, reset 00:00 UTC). */
  rateLimitFrom(): null {
    return null;
  }

  private async uploadImage(
    account: SocialAccountAccess,
    owner: string,
    media: SocialContent['media'][number],
  ): Promise<string> {
    const init = await this.api(account.accessToken, '/rest/images?action=initializeUpload', {
      method: 'POST',
      ...json({ initializeUploadRequest: { owner } }),
    });
    const value = (init.body as { value?: { uploadUrl?: string; image?: string } })?.value;
    if (!value?.uploadUrl || !value.image) {
      throw new SocialNetworkError('rejected', 'LinkedIn gave no image upload URL', true);
    }
    const bytes = await mediaBytes('LinkedIn', media, this.options.timeoutMs);
    const put = await this.call(value.uploadUrl, {
      method: 'PUT',
      headers: { ...bearer(account.accessToken), 'content-type': media.mimeType },
      body: new Uint8Array(bytes),
    });
    if (put.status >= 300) this.fail(put);
    return value.image;
  }

  private async token(
    fields: Record<string, string>,
    refusal: 'rejected' | 'invalid_token',
  ): Promise<SocialTokens> {
    const response = await this.call(joinUrl(this.options.authBase, '/oauth/v2/accessToken'), {
      method: 'POST',
      ...form({
        ...fields,
        client_id: this.options.clientId,
        client_secret: this.options.clientSecret,
      }),
    });
    const body = response.body as Record<string, unknown> | null;
    if (response.status !== 200 || !body?.access_token) {
      if (response.status >= 500) this.fail(response);
      throw new SocialNetworkError(
        refusal,
        `LinkedIn token: ${str(body?.error) || response.status}`,
        false,
      );
    }
    return {
      accessToken: str(body.access_token),
      refreshToken: str(body.refresh_token) || null,
      expiresAt: expiresAt(body.expires_in),
      scopes: str(body.scope).split(/[ ,]+/).filter(Boolean),
    };
  }

  private async api(token: string, path: string, init: RequestInit): Promise<NetworkResponse> {
    const response = await this.call(joinUrl(this.options.apiBase, path), {
      ...init,
      headers: {
        ...(init.headers as Record<string, string>),
        ...bearer(token),
        'LinkedIn-Version': LINKEDIN_VERSION,
        'X-Restli-Protocol-Version': '2.0.0',
      },
    });
    if (response.status >= 300) this.fail(response);
    return response;
  }

  private call(url: string, init: RequestInit): Promise<NetworkResponse> {
    return callNetwork('LinkedIn', url, init, this.options.timeoutMs);
  }

  private fail(response: NetworkResponse): never {
    const body = response.body as { message?: string; code?: string } | null;
    const message = `LinkedIn ${response.status}: ${body?.message ?? body?.code ?? 'error'}`;
    if (response.status === 401) throw new SocialNetworkError('invalid_token', message, false);
    if (response.status === 429) throw new SocialNetworkError('rate_limited', message, true);
    if (response.status === 422) {
      const urn = /urn:li:(?:share|ugcPost):[\w-]+/.exec(body?.message ?? '')?.[0];
      if (urn && /duplicate/i.test(body?.message ?? '')) {
        throw new SocialNetworkError('duplicate', message, false, {
          remoteId: urn,
          url: postUrl(urn),
        });
      }
    }
    if (response.status >= 500) throw new SocialNetworkError('unavailable', message, true);
    throw new SocialNetworkError('rejected', message, false);
  }
}

const personUrn = (id: string) => `urn:li:person:${id}`;
const postUrl = (urn: string) => `https://www.linkedin.com/feed/update/${urn}/`;
