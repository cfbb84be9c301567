import { Module, type DynamicModule } from '@nestjs/common';
import { IdempotencyStore } from './idempotency-store';
import { IdempotencyInterceptor } from './idempotency.interceptor';
import {
  PurgeIdempotencyRecordsProcessor,
  PurgeIdempotencyRecordsScheduler,
} from './jobs/purge-idempotency-records';

/**
 * `Idempotency-Key` support. Global so that `@Idempotent()` routes of every module get
 * the interceptor's store; the hourly purge runs in workers.
 */
@Module({})
export class IdempotencyModule {
  static forRole(runsWorker: boolean): DynamicModule {
    return {
      module: IdempotencyModule,
      global: true,
      providers: [
        IdempotencyStore,
        IdempotencyInterceptor,
        ...(runsWorker ? [PurgeIdempotencyRecordsScheduler, PurgeIdempotencyRecordsProcessor] : []),
      ],
      exports: [IdempotencyStore, IdempotencyInterceptor],
    };
  }
}
