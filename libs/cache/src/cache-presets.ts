/** How long each kind of answer may be reused (from the product brief), in seconds. */
export const CACHE_TTL_SECONDS = {
  /** Job listings. */
  jobs: 30 * 60,
  /** User profiles. */
  profiles: 60 * 60,
  /** Any other API read. */
  apiRead: 15 * 60,
  /** Social posts. */
  socialPosts: 5 * 60,
} as const;

export type CacheTtl = keyof typeof CACHE_TTL_SECONDS;
