export { CACHE_TTL_SECONDS, type CacheTtl } from './cache-presets';
export { CacheModule } from './cache.module';
export {
  Cacheable,
  cacheControl,
  ResponseCacheInterceptor,
  type CacheableOptions,
} from './cacheable';
export { registerConditionalGet } from './conditional-get';
export { matchesIfNoneMatch, weakEtag } from './etag';
export { ResponseCache, type CachedResponse } from './response-cache';
export { addVary } from './vary';
