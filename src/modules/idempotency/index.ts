export { IdempotencyModule } from './idempotency.module';
export { idempotencyProblems } from './idempotency.problems';
export { Idempotent } from './idempotent.decorator';
export { IdempotencyRecord } from './entities/idempotency-record.entity';
export { IdempotencyStore } from './idempotency-store';
export {
  IDEMPOTENT_REPLAYED_HEADER,
  IdempotencyInterceptor,
  requestFingerprint,
} from './idempotency.interceptor';
