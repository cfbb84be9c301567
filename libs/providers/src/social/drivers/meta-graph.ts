import { metaRateLimit } from '../rate-limit-headers';
import { SocialNetworkError, type RemotePost } from '../social-network.port';
import { bearer, callNetwork, json, type NetworkResponse } from './network-http';

/** Graph API error codes that mean "throttled" (app, user, page, business use case). */
const THROTTLED = new Set([4, 17, 32, 613, ...Array.from({ length: 14 }, (_, i) => 80001 + i)]);
const INVALID_TOKEN = new Set([190, 102]);
/** Facebook: "Duplicate status message". */
export const META_DUPLICATE = 506;

export interface GraphError {
  message?: string;
  type?: string;
  code?: number;
  error_subcode?: number;
}

/** A Graph API call (Facebook Pages, Instagram) with the token in the Authorization header. */
export class MetaGraph {
  constructor(
    private readonly network: 'Facebook' | 'Instagram',
    private readonly base: string,
    private readonly timeoutMs: number,
  ) {}

  url(path: string): string {
    return `${this.base.replace(/\/+$/, '')}${path}`;
  }

  /** Calls `path` (under the base); any error answer throws the mapped SocialNetworkError. */
  async call(
    token: string,
    path: string,
    method: 'GET' | 'POST' | 'DELETE' = 'GET',
    body?: Record<string, unknown>,
  ): Promise<NetworkResponse> {
    const init: RequestInit = body
      ? { method, headers: { ...bearer(token), ...json(body).headers }, body: json(body).body }
      : { method, headers: bearer(token) };
    const response = await callNetwork(this.network, this.url(path), init, this.timeoutMs);
    if (response.status >= 300 || graphError(response)) this.fail(response);
    return response;
  }

  /** The request carried no token (token endpoints): the error answer, mapped. */
  fail(response: NetworkResponse): never {
    const error = graphError(response) ?? {};
    const code = error.code ?? 0;
    const message = `${this.network} ${response.status}: (#${code}) ${error.message ?? 'error'}`;
    if (INVALID_TOKEN.has(code) || response.status === 401) {
      throw new SocialNetworkError('invalid_token', message, false);
    }
    if (THROTTLED.has(code) || response.status === 429) {
      throw new SocialNetworkError(
        'rate_limited',
        message,
        true,
        undefined,
        metaRateLimit(response.headers),
      );
    }
    if (code === META_DUPLICATE) throw new SocialNetworkError('duplicate', message, false);
    if (response.status >= 500 || code === 1 || code === 2) {
      throw new SocialNetworkError('unavailable', message, true);
    }
    throw new SocialNetworkError('rejected', message, false);
  }
}

export function graphError(response: NetworkResponse): GraphError | undefined {
  const error = (response.body as { error?: GraphError } | null)?.error;
  return error && typeof error === 'object' ? error : undefined;
}

/** Among recent posts, the one with this exact text (a duplicate answer names none). */
export function sameText(posts: RemotePost[], text: string): RemotePost | undefined {
  return posts.find((p) => p.text.trim() === text.trim());
}
