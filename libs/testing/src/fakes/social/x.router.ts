import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import {
  answerCreate,
  approveConsent,
  bodyFields,
  send,
  type FakePost,
  type FakeRequest,
  type SocialFakeState,
} from './social-fake-state';

const WINDOW_LIMIT = 100;

/**
 * X API v2: `/i/oauth2/authorize` (PKCE S256 required), `/2/oauth2/token` (Basic
 * client auth, PKCE verifier, rotating refresh tokens), `/2/users/me`,
 * `/2/media/upload` (multipart), `/2/tweets` (201 `{data:{id,text}}`, 403 for a
 * duplicate text), the user timeline with t.co links and HTML-escaped text as X
 * returns it, `public_metrics`, and `x-rate-limit-*` on every API answer.
 */
export async function xRoute(
  state: SocialFakeState,
  request: FakeRequest,
  response: ServerResponse,
): Promise<void> {
  const { method, path } = request;
  if (method === 'GET' && path === '/i/oauth2/authorize') {
    return approveConsent(state, 'x', request, response, true);
  }
  if (method === 'POST' && path === '/2/oauth2/token') return token(state, request, response);
  if (method === 'POST' && path === '/2/oauth2/revoke')
    return send(response, 200, { revoked: true });

  const limits = rateHeaders(state);
  const issued = state.tokenOf('x', request);
  if (!issued) return send(response, 401, problem(401, 'Unauthorized', 'Unauthorized'), limits);
  const me = issued.user;

  if (method === 'GET' && path === '/2/users/me') {
    return send(
      response,
      200,
      { data: { id: me.id, name: me.name, username: me.username } },
      limits,
    );
  }
  if (method === 'POST' && path === '/2/media/upload') {
    const type = request.headers['content-type'] ?? '';
    const text = request.body.toString('latin1');
    if (
      !type.startsWith('multipart/form-data') ||
      !/name="media"/.test(text) ||
      !/name="media_category"/.test(text)
    ) {
      return send(
        response,
        400,
        problem(400, 'Invalid Request', 'media and media_category are required'),
        limits,
      );
    }
    const id = state.nextId();
    state.uploads.add(id);
    return send(
      response,
      200,
      { data: { id, media_key: `3_${id}`, expires_after_secs: 86400, size: request.body.length } },
      limits,
    );
  }
  if (method === 'POST' && path === '/2/tweets')
    return createTweet(state, request, response, me.id, limits);
  const timeline = /^\/2\/users\/([^/]+)\/tweets$/.exec(path);
  if (method === 'GET' && timeline) {
    if (timeline[1] !== me.id)
      return send(response, 403, problem(403, 'Forbidden', 'Not your timeline'), limits);
    const start = request.url.searchParams.get('start_time');
    const tweets = state
      .postsBy('x', me.id)
      .filter((p) => !start || p.createdAt >= new Date(start))
      .map((p) => ({
        id: p.id,
        text: p.text,
        created_at: p.createdAt.toISOString(),
        edit_history_tweet_ids: [p.id],
        ...(p.urls?.length ? { entities: { urls: p.urls } } : {}),
      }));
    return send(
      response,
      200,
      tweets.length
        ? {
            data: tweets,
            meta: {
              result_count: tweets.length,
              newest_id: tweets[0].id,
              oldest_id: tweets.at(-1)!.id,
            },
          }
        : { meta: { result_count: 0 } },
      limits,
    );
  }
  const single = /^\/2\/tweets\/([^/]+)$/.exec(path);
  if (method === 'GET' && single) {
    const post = state.posts.find((p) => p.network === 'x' && p.id === single[1]);
    if (!post)
      return send(
        response,
        200,
        {
          errors: [
            {
              value: single[1],
              detail: `Could not find tweet with id: [${single[1]}].`,
              title: 'Not Found Error',
              type: 'https://api.twitter.com/2/problems/resource-not-found',
            },
          ],
        },
        limits,
      );
    const m = post.metrics;
    return send(
      response,
      200,
      {
        data: {
          id: post.id,
          text: post.text,
          edit_history_tweet_ids: [post.id],
          public_metrics: {
            retweet_count: m.shares,
            reply_count: m.comments,
            like_count: m.likes,
            quote_count: 0,
            bookmark_count: 0,
            impression_count: m.impressions,
          },
        },
      },
      limits,
    );
  }
  send(response, 404, problem(404, 'Not Found', 'Unknown endpoint'), limits);
}

async function createTweet(
  state: SocialFakeState,
  request: FakeRequest,
  response: ServerResponse,
  author: string,
  limits: Record<string, string>,
): Promise<void> {
  const body = bodyFields(request) as {
    text?: string;
    media?: { media_ids?: string[] };
    reply?: { in_reply_to_tweet_id?: string };
  };
  if (typeof body.text !== 'string')
    return send(response, 400, problem(400, 'Invalid Request', 'text is required'), limits);
  const mediaIds = body.media?.media_ids ?? [];
  if (mediaIds.length > 4 || mediaIds.some((id) => !state.uploads.has(id))) {
    return send(
      response,
      400,
      problem(400, 'Invalid Request', 'Your media IDs are invalid.'),
      limits,
    );
  }
  const fault = state.takeFault('x');
  if (fault?.type === 'rate-limited') {
    return send(response, 429, problem(429, 'Too Many Requests', 'Too Many Requests'), {
      ...limits,
      'x-rate-limit-remaining': '0',
    });
  }
  if (fault?.type === 'server-error')
    return send(response, 503, problem(503, 'Service Unavailable', 'Service Unavailable'), limits);
  if (fault?.type === 'expired-token')
    return send(response, 401, problem(401, 'Unauthorized', 'Unauthorized'), limits);
  const stored = escapeHtml(body.text);
  if (state.postsBy('x', author).some((p) => withoutMediaLinks(p) === stored)) {
    return send(
      response,
      403,
      problem(403, 'Forbidden', 'You are not allowed to create a Tweet with duplicate content.'),
      limits,
    );
  }
  // X shows attached media as a trailing t.co link in the text.
  const urls: NonNullable<FakePost['urls']> = mediaIds.length
    ? [{ url: `https://t.co/${randomBytes(5).toString('hex')}`, media_key: `3_${mediaIds[0]}` }]
    : [];
  const post = state.addPost({
    id: state.nextId(),
    network: 'x',
    author,
    text: urls.length ? `${stored} ${urls[0].url}` : stored,
    media: mediaIds,
    urls,
  });
  await answerCreate(fault, response, () =>
    send(
      response,
      201,
      { data: { id: post.id, text: post.text, edit_history_tweet_ids: [post.id] } },
      limits,
    ),
  );
}

function withoutMediaLinks(post: FakePost): string {
  return (post.urls ?? [])
    .filter((u) => u.media_key)
    .reduce((text, u) => text.replace(` ${u.url}`, ''), post.text);
}

function token(state: SocialFakeState, request: FakeRequest, response: ServerResponse): void {
  const client = state.clients.get('x');
  const basic = Buffer.from(`${client?.clientId}:${client?.clientSecret}`).toString('base64');
  if (!client || request.headers.authorization !== `Basic ${basic}`) {
    return send(response, 401, {
      error: 'unauthorized_client',
      error_description: 'Missing valid authorization header',
    });
  }
  const fields = bodyFields(request) as Record<string, string>;
  let user;
  if (fields.grant_type === 'authorization_code') {
    user = state.takeCode('x', fields.code ?? '', fields.redirect_uri ?? '', fields.code_verifier);
  } else if (fields.grant_type === 'refresh_token') {
    user = state.takeRefreshToken('x', fields.refresh_token ?? '');
  }
  if (!user) {
    return send(response, 400, {
      error: 'invalid_request',
      error_description: 'Value passed for the token was invalid.',
    });
  }
  send(response, 200, {
    token_type: 'bearer',
    expires_in: 7200,
    access_token: state.issueToken('x', user),
    scope: 'tweet.read tweet.write users.read offline.access media.write',
    refresh_token: state.issueRefreshToken('x', user),
  });
}

function rateHeaders(state: SocialFakeState): Record<string, string> {
  const used = state.requests.filter((r) => r.network === 'x').length;
  return {
    'x-rate-limit-limit': String(WINDOW_LIMIT),
    'x-rate-limit-remaining': String(Math.max(0, WINDOW_LIMIT - used)),
    'x-rate-limit-reset': String(Math.floor(Date.now() / 1000) + 900),
  };
}

const problem = (status: number, title: string, detail: string) => ({
  title,
  detail,
  type: 'about:blank',
  status,
});

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
