import type { ServerResponse } from 'node:http';
import {
  answerCreate,
  approveConsent,
  bodyFields,
  send,
  type FakeRequest,
  type SocialFakeState,
} from './social-fake-state';

const V = '/v25.0';

/**
 * Facebook Pages (Graph API v25.0): the OAuth dialog and `oauth/access_token`
 * (code, then `fb_exchange_token`), `/me/accounts` with page tokens, `/{page}/feed`
 * (id `{page}_{post}`), `/{page}/photos` (`{id, post_id}`; unpublished photos for
 * `attached_media`), `/{page}/published_posts`, counters and insights. Errors are
 * Graph's `{error:{message,type,code,error_subcode,fbtrace_id}}`; every answer
 * carries `X-App-Usage`.
 */
export async function facebookRoute(
  state: SocialFakeState,
  request: FakeRequest,
  response: ServerResponse,
): Promise<void> {
  const { method } = request;
  if (!request.path.startsWith(V))
    return graphError(response, 400, 2500, 'Unknown path components');
  const path = request.path.slice(V.length);
  if (method === 'GET' && path === '/dialog/oauth') {
    return approveConsent(state, 'facebook', request, response, false);
  }
  if (method === 'GET' && path === '/oauth/access_token') return token(state, request, response);

  const issued = state.tokenOf('facebook', request);
  if (!issued) {
    return graphError(
      response,
      400,
      190,
      'Error validating access token: Session has expired.',
      463,
    );
  }
  if (method === 'GET' && path === '/me/accounts') {
    if (issued.pageId)
      return graphError(response, 400, 100, 'Tried accessing nonexisting field (accounts)');
    const data = (issued.user.pages ?? []).map((p) => ({
      id: p.id,
      name: p.name,
      category: 'Professional service',
      access_token: state.issueToken('facebook', issued.user, p.id),
      tasks: ['ADVERTISE', 'ANALYZE', 'CREATE_CONTENT', 'MESSAGING', 'MODERATE', 'MANAGE'],
    }));
    return ok(response, { data, paging: { cursors: { before: 'MAZDZD', after: 'MAZDZD' } } });
  }

  const edge = /^\/([^/]+)\/(feed|photos|published_posts|insights)$/.exec(path);
  if (edge && ['feed', 'photos', 'published_posts'].includes(edge[2])) {
    if (issued.pageId !== edge[1]) {
      return graphError(
        response,
        403,
        200,
        'Requires pages_manage_posts permission to manage the object',
      );
    }
    const page = edge[1];
    if (method === 'GET' && edge[2] === 'published_posts') {
      const since = Number(request.url.searchParams.get('since') ?? 0) * 1000;
      const data = state
        .postsBy('facebook', page)
        .filter((p) => p.createdAt.getTime() >= since - 1000)
        .map((p) => ({
          id: p.id,
          message: p.text,
          created_time: graphTime(p.createdAt),
          permalink_url: `https://www.facebook.com/${p.id}`,
        }));
      return ok(response, { data });
    }
    if (method === 'POST')
      return publish(state, request, response, page, edge[2] as 'feed' | 'photos');
  }
  if (method === 'GET' && edge?.[2] === 'insights') {
    const post = state.posts.find((p) => p.network === 'facebook' && p.id === edge[1]);
    if (!post) return graphError(response, 400, 100, 'Unsupported get request.', 33);
    if (request.url.searchParams.get('metric') !== 'post_impressions') {
      return graphError(response, 400, 100, '(#100) The value must be a valid insights metric');
    }
    return ok(response, {
      data: [
        {
          name: 'post_impressions',
          period: 'lifetime',
          values: [{ value: post.metrics.impressions }],
          title: 'Lifetime Post Total Impressions',
          id: `${post.id}/insights/post_impressions/lifetime`,
        },
      ],
    });
  }
  const node = /^\/([^/]+)$/.exec(path);
  if (method === 'GET' && node) {
    const post = state.posts.find((p) => p.network === 'facebook' && p.id === node[1]);
    if (!post) return graphError(response, 400, 100, 'Unsupported get request.', 33);
    return ok(response, {
      id: post.id,
      reactions: {
        data: [],
        summary: { total_count: post.metrics.likes, viewer_reaction: 'NONE' },
      },
      comments: {
        data: [],
        summary: { order: 'ranked', total_count: post.metrics.comments, can_comment: true },
      },
      shares: { count: post.metrics.shares },
    });
  }
  graphError(response, 400, 100, 'Unsupported request');
}

async function publish(
  state: SocialFakeState,
  request: FakeRequest,
  response: ServerResponse,
  page: string,
  edge: 'feed' | 'photos',
): Promise<void> {
  const body = { ...Object.fromEntries(request.url.searchParams), ...bodyFields(request) } as {
    message?: string;
    caption?: string;
    url?: string;
    published?: boolean | string;
    attached_media?: Array<{ media_fbid?: string }>;
  };
  const published = body.published !== false && body.published !== 'false';
  if (edge === 'photos') {
    if (!body.url || !/^https?:\/\//.test(body.url)) {
      return graphError(response, 400, 324, 'Requires upload file');
    }
    if (!published) {
      const photoId = state.nextId();
      state.unpublishedPhotos.set(photoId, page);
      return ok(response, { id: photoId });
    }
  } else if (!body.message && !body.attached_media?.length) {
    return graphError(response, 400, 100, 'Invalid parameter');
  }
  const attached = (body.attached_media ?? []).map((m) => m.media_fbid ?? '');
  if (attached.some((id) => state.unpublishedPhotos.get(id) !== page)) {
    return graphError(response, 400, 100, 'Invalid parameter: attached_media');
  }
  const fault = state.takeFault('facebook');
  if (fault?.type === 'rate-limited') {
    return graphError(response, 400, 32, 'Page request limit reached', undefined, {
      'x-business-use-case-usage': JSON.stringify({
        [page]: [
          {
            type: 'pages',
            call_count: 100,
            total_cputime: 12,
            total_time: 30,
            estimated_time_to_regain_access: 15,
          },
        ],
      }),
    });
  }
  if (fault?.type === 'server-error') {
    return graphError(
      response,
      500,
      2,
      'An unexpected error has occurred. Please retry your request later.',
    );
  }
  if (fault?.type === 'expired-token') {
    return graphError(
      response,
      400,
      190,
      'Error validating access token: The session has been invalidated.',
      460,
    );
  }
  const text = edge === 'photos' ? (body.caption ?? '') : (body.message ?? '');
  if (state.postsBy('facebook', page).some((p) => p.text === text && text)) {
    return graphError(response, 400, 506, 'Duplicate status message');
  }
  const post = state.addPost({
    id: `${page}_${state.nextId()}`,
    network: 'facebook',
    author: page,
    text,
    media: edge === 'photos' ? [body.url ?? ''] : attached,
  });
  await answerCreate(fault, response, () =>
    edge === 'photos'
      ? ok(response, { id: post.id.split('_')[1], post_id: post.id })
      : ok(response, { id: post.id }),
  );
}

function token(state: SocialFakeState, request: FakeRequest, response: ServerResponse): void {
  const query = request.url.searchParams;
  const client = state.clients.get('facebook');
  if (
    !client ||
    query.get('client_id') !== client.clientId ||
    query.get('client_secret') !== client.clientSecret
  ) {
    return graphError(response, 400, 1, 'Error validating client secret.');
  }
  if (query.get('grant_type') === 'fb_exchange_token') {
    const issued = state.tokenOf('facebook', {
      ...request,
      headers: {},
      url: new URL(
        `http://x/?access_token=${encodeURIComponent(query.get('fb_exchange_token') ?? '')}`,
      ),
    });
    if (!issued) return graphError(response, 400, 190, 'Invalid OAuth access token.');
    return ok(response, {
      access_token: state.issueToken('facebook', issued.user),
      token_type: 'bearer',
      expires_in: 5_183_944,
    });
  }
  const user = state.takeCode('facebook', query.get('code') ?? '', query.get('redirect_uri') ?? '');
  if (!user) return graphError(response, 400, 100, 'This authorization code has been used.', 36009);
  ok(response, {
    access_token: state.issueToken('facebook', user),
    token_type: 'bearer',
    expires_in: 5_183_944,
  });
}

const usage = () => ({
  'x-app-usage': JSON.stringify({ call_count: 4, total_cputime: 1, total_time: 2 }),
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
        type: code === 190 ? 'OAuthException' : 'GraphMethodException',
        code,
        ...(subcode ? { error_subcode: subcode } : {}),
        fbtrace_id: 'AbCdEfGh123',
      },
    },
    { ...usage(), ...headers },
  );
}

/** Graph's timestamps: `2026-12-03T10:00:00+0000`. */
export const graphTime = (at: Date) => at.toISOString().replace(/\.\d{3}Z$/, '+0000');
