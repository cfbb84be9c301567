/** Networks a user can connect. `sandbox` is the local driver (no credentials, refused in production). */
export const SOCIAL_NETWORKS = ['sandbox', 'linkedin', 'x', 'facebook', 'instagram'] as const;
export type SocialNetworkName = (typeof SOCIAL_NETWORKS)[number];

export function isSocialNetwork(value: string): value is SocialNetworkName {
  return (SOCIAL_NETWORKS as readonly string[]).includes(value);
}

/** Tokens as the network issued them. The caller seals them before storing. */
export interface SocialTokens {
  accessToken: string;
  refreshToken: string | null;
  expiresAt: Date | null;
  scopes: string[];
}

/** Who a connection posts as: a member, a Facebook page, an Instagram professional account. */
export interface SocialIdentity {
  remoteId: string;
  name: string;
  handle: string | null;
  kind: 'member' | 'page' | 'instagram_account' | 'sandbox';
  /**
   * A page's own token (Facebook), when it differs from the user token. It is
   * stored instead of the user's tokens: no refresh token, expiring at `tokenExpiresAt`.
   */
  accessToken?: string;
  tokenExpiresAt?: Date | null;
}

export interface SocialMedia {
  kind: 'image' | 'video';
  mimeType: string;
  sizeBytes: number;
  /** A public, signed URL the network can fetch (Meta fetches media itself). */
  url: string;
  /** The bytes, for networks that take uploads (LinkedIn, X). */
  read?: () => Promise<Buffer>;
}

/** What goes out to one network, after the post's per-network variant is applied. */
export interface SocialContent {
  text: string;
  media: SocialMedia[];
  firstComment?: string | null;
  thread?: string[];
}

/** A connected account as a driver needs it: who to post as, with an opened token. */
export interface SocialAccountAccess {
  remoteId: string;
  accessToken: string;
}

export interface PublishedPost {
  remoteId: string;
  url: string;
}

export interface RemotePost extends PublishedPost {
  text: string;
  createdAt: Date;
}

export interface PostMetrics {
  likes: number;
  comments: number;
  shares: number;
  /** Null where the network's API does not report impressions. */
  impressions: number | null;
}

/** Throttling state a network reported in its response headers. */
export interface NetworkRateLimit {
  limit: number | null;
  remaining: number | null;
  resetAt: Date | null;
  /** Meta reports usage as percent of the allowance instead of counts. */
  usagePercent: number | null;
}

export type SocialErrorKind =
  'timeout' | 'duplicate' | 'rate_limited' | 'invalid_token' | 'rejected' | 'unavailable';

/**
 * A call to a network failed. `timeout` after a create means the post may exist:
 * callers never retry a create on it. `duplicate` carries the existing post.
 */
export class SocialNetworkError extends Error {
  constructor(
    readonly kind: SocialErrorKind,
    message: string,
    readonly retryable: boolean,
    readonly existing?: PublishedPost,
    /** What the network said about its limits, when it throttled. */
    readonly rateLimit?: NetworkRateLimit | null,
  ) {
    super(message);
    this.name = 'SocialNetworkError';
  }
}

export interface AuthorizeRequest {
  state: string;
  /** S256 challenge of the verifier kept server-side; ignored by networks without PKCE. */
  codeChallenge: string;
  redirectUri: string;
}

export interface CodeExchange {
  code: string;
  codeVerifier: string;
  redirectUri: string;
}

/** What every network driver does; real drivers plug in next to the sandbox one. */
export interface SocialNetwork {
  readonly name: SocialNetworkName;
  readonly usesPkce: boolean;
  authorizeUrl(request: AuthorizeRequest): string;
  exchangeCode(exchange: CodeExchange): Promise<SocialTokens>;
  /** New tokens; networks that rotate refresh tokens (X) return the new one. */
  refresh(tokens: SocialTokens): Promise<SocialTokens>;
  /** Revokes where the network allows it; a no-op elsewhere. */
  revoke(tokens: SocialTokens): Promise<void>;
  identities(tokens: SocialTokens): Promise<SocialIdentity[]>;
  createPost(account: SocialAccountAccess, content: SocialContent): Promise<PublishedPost>;
  /** The account's posts created since `since`, newest first: resolves an `unconfirmed` create. */
  findRecent(account: SocialAccountAccess, since: Date): Promise<RemotePost[]>;
  metrics(account: SocialAccountAccess, remoteId: string): Promise<PostMetrics>;
  rateLimitFrom(headers: Record<string, string | string[] | undefined>): NetworkRateLimit | null;
}
