import type { ServerResponse } from 'node:http';
import {
  answerCreate,
  approveConsent,
  bodyFields,
  send,
  type FakeRequest,
  type SocialFakeState,
} from './social-fake-state';

/**
 * LinkedIn: `/oauth/v2/authorization|accessToken|revoke`, `/v2/userinfo`, and the
 * versioned `/rest/…` API (LinkedIn-Version and X-Restli-Protocol-Version
 * required): images through initializeUpload + PUT, posts answered 201 with an empty
 * body and the URN in `x-restli-id`, 422 for a duplicate naming the first post.
 * No refresh tokens (as for apps outside the partner programme).
 */
export async function linkedinRoute(
  state: SocialFakeState,
  request: FakeRequest,
  response: ServerResponse,
): Promise<void> {
  const { method, path } = request;
  if (method === 'GET' && path === '/oauth/v2/authorization') {
    return approveConsent(state, 'linkedin', request, response, false);
  }
  if (method === 'POST' && path === '/oauth/v2/accessToken') return token(state, request, response);
  if (method === 'POST' && path === '/oauth/v2/revoke') return send(response, 200, {});
  if (method === 'PUT' && path.startsWith('/upload/')) {
    if (!state.tokenOf('linkedin', request)) return unauthorized(response);
    state.uploads.add(path.slice('/upload/'.length));
    return send(response, 201, undefined);
  }

  const issued = state.tokenOf('linkedin', request);
  if (!issued) return unauthorized(response);
  const author = `urn:li:person:${issued.user.id}`;
  if (method === 'GET' && path === '/v2/userinfo') {
    return send(response, 200, {
      sub: issued.user.id,
      name: issued.user.name,
      given_name: issued.user.name.split(' ')[0],
      locale: { country: 'US', language: 'en' },
    });
  }
  if (!path.startsWith('/rest/')) return send(response, 404, { message: 'Not found', status: 404 });
  if (!/^\d{6}$/.test(String(request.headers['linkedin-version'] ?? ''))) {
    return send(response, 400, {
      code: 'VERSION_MISSING',
      message: 'A version must be present',
      status: 400,
    });
  }
  if (request.headers['x-restli-protocol-version'] !== '2.0.0') {
    return send(response, 400, {
      message: 'X-Restli-Protocol-Version 2.0.0 expected',
      status: 400,
    });
  }

  if (
    method === 'POST' &&
    path === '/rest/images' &&
    request.url.searchParams.get('action') === 'initializeUpload'
  ) {
    const owner = (bodyFields(request).initializeUploadRequest as { owner?: string })?.owner;
    if (owner !== author) return send(response, 403, { message: 'Not the owner', status: 403 });
    const id = `C4D${state.nextId()}`;
    return send(response, 200, {
      value: {
        uploadUrlExpiresAt: Date.now() + 3_600_000,
        uploadUrl: `${state.baseUrl}/linkedin/upload/${id}`,
        image: `urn:li:image:${id}`,
      },
    });
  }
  if (method === 'POST' && path === '/rest/posts')
    return createPost(state, request, response, author);
  if (
    method === 'GET' &&
    path === '/rest/posts' &&
    request.url.searchParams.get('q') === 'author'
  ) {
    if (request.url.searchParams.get('author') !== author) {
      return send(response, 403, { message: 'Not enough permissions', status: 403 });
    }
    const elements = state.postsBy('linkedin', author).map((p) => ({
      id: p.id,
      author,
      commentary: p.text,
      visibility: 'PUBLIC',
      lifecycleState: 'PUBLISHED',
      createdAt: p.createdAt.getTime(),
      publishedAt: p.createdAt.getTime(),
      lastModifiedAt: p.createdAt.getTime(),
    }));
    return send(response, 200, {
      elements,
      paging: { start: 0, count: 50, total: elements.length },
    });
  }
  if (method === 'GET' && path === '/rest/memberCreatorPostAnalytics') {
    const entity = /^\((?:share|ugc):(.+)\)$/.exec(request.url.searchParams.get('entity') ?? '');
    const post = state.posts.find(
      (p) => p.network === 'linkedin' && p.id === decodeURIComponent(entity?.[1] ?? ''),
    );
    if (!post) return send(response, 404, { message: 'Unknown entity', status: 404 });
    const type = request.url.searchParams.get('queryType');
    const count = {
      IMPRESSION: post.metrics.impressions,
      REACTION: post.metrics.likes,
      COMMENT: post.metrics.comments,
      RESHARE: post.metrics.shares,
    }[type ?? ''];
    if (count === undefined)
      return send(response, 400, { message: 'Unknown queryType', status: 400 });
    return send(response, 200, {
      elements: [
        {
          count,
          metricType: {
            [`com.linkedin.adsexternalapi.memberanalytics.v1.CreatorPostAnalyticsMetricTypeV1`]:
              type,
          },
        },
      ],
      paging: { start: 0, count: 10, links: [] },
    });
  }
  send(response, 404, { message: 'Not found', status: 404 });
}

async function createPost(
  state: SocialFakeState,
  request: FakeRequest,
  response: ServerResponse,
  author: string,
): Promise<void> {
  const body = bodyFields(request) as {
    author?: string;
    commentary?: string;
    lifecycleState?: string;
    content?: { media?: { id?: string }; multiImage?: { images?: Array<{ id?: string }> } };
  };
  if (body.author !== author)
    return send(response, 403, { message: 'Not the author', status: 403 });
  if (typeof body.commentary !== 'string' || body.lifecycleState !== 'PUBLISHED') {
    return send(response, 422, {
      message: 'commentary and lifecycleState are required',
      status: 422,
    });
  }
  const media = [
    ...(body.content?.media?.id ? [body.content.media.id] : []),
    ...(body.content?.multiImage?.images ?? []).map((i) => i.id ?? ''),
  ];
  if (media.some((id) => !state.uploads.has(id.replace('urn:li:image:', '')))) {
    return send(response, 422, { message: 'Image not uploaded', status: 422 });
  }
  const fault = state.takeFault('linkedin');
  if (fault?.type === 'rate-limited') {
    return send(response, 429, {
      message: 'Resource level throttle DAY limit for calls to this resource is reached.',
      status: 429,
    });
  }
  if (fault?.type === 'server-error')
    return send(response, 500, { message: 'Internal Server Error', status: 500 });
  if (fault?.type === 'expired-token') return unauthorized(response);
  const duplicate = state.postsBy('linkedin', author).find((p) => p.text === body.commentary);
  if (duplicate) {
    return send(response, 422, {
      message: `Content is a duplicate of ${duplicate.id}`,
      status: 422,
      code: 'DUPLICATE_POST',
    });
  }
  const post = state.addPost({
    id: `urn:li:share:${state.nextId()}`,
    network: 'linkedin',
    author,
    text: body.commentary,
    media,
  });
  await answerCreate(fault, response, () =>
    send(response, 201, undefined, { 'x-restli-id': post.id, 'x-linkedin-id': post.id }),
  );
}

function token(state: SocialFakeState, request: FakeRequest, response: ServerResponse): void {
  const fields = bodyFields(request) as Record<string, string>;
  const client = state.clients.get('linkedin');
  if (
    !client ||
    fields.client_id !== client.clientId ||
    fields.client_secret !== client.clientSecret
  ) {
    return send(response, 401, {
      error: 'invalid_client',
      error_description: 'Client authentication failed',
    });
  }
  if (fields.grant_type !== 'authorization_code') {
    return send(response, 400, {
      error: 'invalid_request',
      error_description: 'Refresh tokens are not enabled for this application',
    });
  }
  const user = state.takeCode('linkedin', fields.code ?? '', fields.redirect_uri ?? '');
  if (!user)
    return send(response, 400, {
      error: 'invalid_grant',
      error_description: 'The authorization code is invalid',
    });
  send(response, 200, {
    access_token: state.issueToken('linkedin', user),
    expires_in: 5_184_000,
    scope: 'openid,profile,w_member_social,r_member_postAnalytics',
    token_type: 'Bearer',
    id_token: 'eyJ.fake.idtoken',
  });
}

function unauthorized(response: ServerResponse): void {
  send(response, 401, {
    status: 401,
    serviceErrorCode: 65601,
    code: 'REVOKED_ACCESS_TOKEN',
    message: 'The token used in the request has been revoked by the user',
  });
}
