import type { ServerResponse } from 'node:http';
import { graphTime } from './facebook.router';
import {
  answerCreate,
  approveConsent,
  bodyFields,
  send,
  type FakeRequest,
  type SocialFakeState,
} from './social-fake-state';

const V = '/v23.0';
const QUOTA = 50;

interface Container {
  id: string;
  owner: string;
  caption: string;
  media: string[];
  children: string[];
  carouselItem: boolean;
  /** Reads of `status_code` left before it turns FINISHED (Instagram fetches the media meanwhile). */
  pendingReads: number;
  status: 'IN_PROGRESS' | 'FINISHED' | 'PUBLISHED' | 'ERROR';
}

/**
 * Instagram with Instagram Login: `/oauth/authorize`, `/oauth/access_token`
 * (`{data:[{access_token,user_id,permissions}]}`), `/access_token`
 * (`ig_exchange_token`) and `/refresh_access_token` (`ig_refresh_token`), then the
 * Graph API v23.0: `/me`, `content_publishing_limit`, media containers that read
 * IN_PROGRESS once before FINISHED, `media_publish` (error 9007 before FINISHED;
 * a container publishes once), `/media`, counters and insights.
 */
export async function instagramRoute(
  state: SocialFakeState,
  request: FakeRequest,
  response: ServerResponse,
): Promise<void> {
  const { method, path } = request;
  if (method === 'GET' && path === '/oauth/authorize') {
    return approveConsent(state, 'instagram', request, response, false);
  }
  if (method === 'POST' && path === '/oauth/access_token') return token(state, request, response);
  if (method === 'GET' && (path === '/access_token' || path === '/refresh_access_token')) {
    return longLived(state, request, response, path === '/access_token');
  }
  if (!path.startsWith(V)) return graphError(response, 400, 2500, 'Unknown path components');
  const rest = path.slice(V.length);
  const issued = state.tokenOf('instagram', request);
  if (!issued)
    return graphError(
      response,
      400,
      190,
      'Error validating access token: Session has expired.',
      463,
    );
  const me = issued.user;
  if (method === 'GET' && rest === '/me') {
    return ok(response, {
      user_id: me.id,
      username: me.username,
      name: me.name,
      id: `1784${me.id}`,
    });
  }
  const edge = /^\/([^/]+)\/(media|media_publish|content_publishing_limit|insights)$/.exec(rest);
  if (edge && edge[2] !== 'insights') {
    if (edge[1] !== me.id)
      return graphError(
        response,
        400,
        100,
        'Unsupported request: object does not exist or lacks permissions',
        33,
      );
    if (method === 'GET' && edge[2] === 'content_publishing_limit') {
      const used = state
        .postsBy('instagram', me.id)
        .filter((p) => p.createdAt.getTime() > Date.now() - 86_400_000).length;
      return ok(response, {
        data: [
          {
            quota_usage: used + state.instagramQuotaOffset,
            config: { quota_total: QUOTA, quota_duration: 86400 },
          },
        ],
      });
    }
    if (method === 'GET' && edge[2] === 'media') {
      const data = state.postsBy('instagram', me.id).map((p) => ({
        id: p.id,
        caption: p.text,
        timestamp: graphTime(p.createdAt),
        permalink: permalink(p.id),
      }));
      return ok(response, { data, paging: { cursors: { before: 'QVFI', after: 'QVFI' } } });
    }
    if (method === 'POST' && edge[2] === 'media')
      return createContainer(state, request, response, me.id);
    if (method === 'POST' && edge[2] === 'media_publish')
      return publish(state, request, response, me.id);
  }
  if (method === 'GET' && edge?.[2] === 'insights') {
    const post = state.posts.find((p) => p.network === 'instagram' && p.id === edge[1]);
    if (!post) return graphError(response, 400, 100, 'Unsupported get request.', 33);
    const wanted = (request.url.searchParams.get('metric') ?? '').split(',');
    const known: Record<string, number> = {
      views: post.metrics.impressions,
      shares: post.metrics.shares,
    };
    const unknown = wanted.find((m) => !(m in known));
    if (unknown)
      return graphError(
        response,
        400,
        100,
        `(#100) metric[0] must be one of the following values: views, reach, shares, saved`,
      );
    return ok(response, {
      data: wanted.map((name) => ({
        name,
        period: 'lifetime',
        values: [{ value: known[name] }],
        id: `${post.id}/insights/${name}/lifetime`,
      })),
    });
  }
  const node = /^\/([^/]+)$/.exec(rest);
  if (method === 'GET' && node) {
    const container = containers(state).get(node[1]);
    if (container) {
      if (container.status === 'IN_PROGRESS' && container.pendingReads-- <= 0)
        container.status = 'FINISHED';
      return ok(response, { status_code: container.status, id: container.id });
    }
    const post = state.posts.find((p) => p.network === 'instagram' && p.id === node[1]);
    if (!post) return graphError(response, 400, 100, 'Unsupported get request.', 33);
    return ok(response, {
      id: post.id,
      permalink: permalink(post.id),
      like_count: post.metrics.likes,
      comments_count: post.metrics.comments,
    });
  }
  graphError(response, 400, 100, 'Unsupported request');
}

function createContainer(
  state: SocialFakeState,
  request: FakeRequest,
  response: ServerResponse,
  owner: string,
): void {
  const body = {
    ...Object.fromEntries(request.url.searchParams),
    ...bodyFields(request),
  } as Record<string, unknown>;
  const url = text(body.image_url ?? body.video_url);
  const children =
    body.media_type === 'CAROUSEL' ? text(body.children).split(',').filter(Boolean) : [];
  if (body.media_type === 'CAROUSEL') {
    const ok =
      children.length >= 2 &&
      children.every(
        (id) =>
          containers(state).get(id)?.carouselItem &&
          containers(state).get(id)?.status === 'FINISHED',
      );
    if (!ok) return graphError(response, 400, 100, 'The carousel children are invalid', 2207023);
  } else if (!/^https?:\/\//.test(url)) {
    return graphError(
      response,
      400,
      9004,
      'Only photo or video can be accepted as media type.',
      2207052,
    );
  }
  const container: Container = {
    id: state.nextId(),
    owner,
    caption: text(body.caption),
    media: url ? [url] : children,
    children,
    carouselItem: body.is_carousel_item === true || body.is_carousel_item === 'true',
    pendingReads: 1,
    status: 'IN_PROGRESS',
  };
  containers(state).set(container.id, container);
  ok(response, { id: container.id });
}

async function publish(
  state: SocialFakeState,
  request: FakeRequest,
  response: ServerResponse,
  owner: string,
): Promise<void> {
  const body = {
    ...Object.fromEntries(request.url.searchParams),
    ...bodyFields(request),
  } as Record<string, unknown>;
  const container = containers(state).get(text(body.creation_id));
  if (!container || container.owner !== owner || container.carouselItem) {
    return graphError(response, 400, 100, 'Invalid parameter: creation_id');
  }
  if (container.status === 'PUBLISHED') {
    return graphError(response, 400, 9007, 'The media has already been published', 2207006);
  }
  if (container.status !== 'FINISHED') {
    return graphError(response, 400, 9007, 'Media ID is not available', 2207027);
  }
  const fault = state.takeFault('instagram');
  if (fault?.type === 'rate-limited') {
    return graphError(response, 400, 4, 'Application request limit reached', undefined, {
      'x-app-usage': JSON.stringify({ call_count: 100, total_cputime: 20, total_time: 40 }),
    });
  }
  if (fault?.type === 'server-error')
    return graphError(
      response,
      500,
      2,
      'An unexpected error has occurred. Please retry your request later.',
    );
  if (fault?.type === 'expired-token')
    return graphError(
      response,
      400,
      190,
      'Error validating access token: The session has been invalidated.',
      460,
    );
  container.status = 'PUBLISHED';
  const post = state.addPost({
    id: `1790${state.nextId()}`,
    network: 'instagram',
    author: owner,
    text: container.caption,
    media: container.media,
  });
  await answerCreate(fault, response, () => ok(response, { id: post.id }));
}

function token(state: SocialFakeState, request: FakeRequest, response: ServerResponse): void {
  const fields = bodyFields(request) as Record<string, string>;
  const client = state.clients.get('instagram');
  if (
    !client ||
    fields.client_id !== client.clientId ||
    fields.client_secret !== client.clientSecret
  ) {
    return send(response, 400, {
      error_type: 'OAuthException',
      code: 400,
      error_message: 'Invalid platform app',
    });
  }
  const user =
    fields.grant_type === 'authorization_code'
      ? state.takeCode('instagram', fields.code ?? '', fields.redirect_uri ?? '')
      : null;
  if (!user)
    return send(response, 400, {
      error_type: 'OAuthException',
      code: 400,
      error_message: 'This authorization code has been used',
    });
  send(response, 200, {
    data: [
      {
        access_token: state.issueToken('instagram', user),
        user_id: user.id,
        permissions:
          'instagram_business_basic,instagram_business_content_publish,instagram_business_manage_insights',
      },
    ],
  });
}

function longLived(
  state: SocialFakeState,
  request: FakeRequest,
  response: ServerResponse,
  exchange: boolean,
): void {
  const query = request.url.searchParams;
  const client = state.clients.get('instagram');
  if (
    exchange &&
    (query.get('grant_type') !== 'ig_exchange_token' ||
      query.get('client_secret') !== client?.clientSecret)
  ) {
    return graphError(response, 400, 100, 'Invalid parameter');
  }
  if (!exchange && query.get('grant_type') !== 'ig_refresh_token')
    return graphError(response, 400, 100, 'Invalid parameter');
  const renewed = state.renewToken('instagram', query.get('access_token') ?? '');
  if (!renewed)
    return graphError(
      response,
      400,
      190,
      'Error validating access token: The session has been invalidated.',
      460,
    );
  ok(response, { access_token: renewed, token_type: 'bearer', expires_in: 5_184_000 });
}

const permalink = (id: string) =>
  `https://www.instagram.com/p/${Buffer.from(id).toString('base64url').slice(0, 11)}/`;

const usage = () => ({
  'x-app-usage': JSON.stringify({ call_count: 3, total_cputime: 1, total_time: 1 }),
});

function ok(response: ServerResponse, body: unknown): void {
  send(response, 200, body, usage());
}

function graphError(
  response: ServerResponse,
  status: number,
  code: number,
  message: string,
  subcode?: number,
  headers: Record<string, string> = {},
): void {
  send(
    response,
    status,
    {
      error: {
        message,
        type: 'OAuthException',
        code,
        ...(subcode ? { error_subcode: subcode } : {}),
        fbtrace_id: 'AxYz987',
      },
    },
    { ...usage(), ...headers },
  );
}

function containers(state: SocialFakeState): Map<string, Container> {
  return state.instagramContainers as Map<string, Container>;
}

const text = (value: unknown): string =>
  typeof value === 'string' || typeof value === 'number' ? String(value) : '';
