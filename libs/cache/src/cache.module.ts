import { Global, Module } from '@nestjs/common';
import { ResponseCacheInterceptor } from './cacheable';
import { ResponseCache } from './response-cache';

/** The response cache for every module (Redis from the queue module). */
@Global()
@Module({
  providers: [ResponseCache, ResponseCacheInterceptor],
  exports: [ResponseCache, ResponseCacheInterceptor],
})
export class CacheModule {}
