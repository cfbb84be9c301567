import { applyDecorators, UseInterceptors } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { ApiProblems } from '../../common/access.decorator';
import { IdempotencyInterceptor } from './idempotency.interceptor';

/**
 * A POST that creates something accepts `Idempotency-Key` (Stripe semantics): the same key
 * and body within 24 hours get the first answer, another body 422, a concurrent duplicate
 * waits for the first answer. `streamed`: the handler reads the body itself (multipart) and
 * calls `IdempotencyInterceptor.once` with its fingerprint; only the documentation is added.
 */
export function Idempotent({ streamed = false }: { streamed?: boolean } = {}): MethodDecorator {
  return applyDecorators(
    ...(streamed ? [] : [UseInterceptors(IdempotencyInterceptor)]),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description:
        'Makes the request safe to retry: the same key and body within 24 hours return the first ' +
        'answer (with `Idempotent-Replayed: true`), even while it is still running; the same key ' +
        'with another body is refused (422 `idempotency.key_reused`). Keys are per caller ' +
        '(user, or API key). Use a fresh random value (e.g. a UUID) per operation.',
      schema: {
        type: 'string',
        minLength: 1,
        maxLength: 255,
        example: 'b5c7a1d2-4f0e-4c3a-9f51-2f1f0c8f6d3e',
      },
    }),
    ApiProblems(400, 409, 422),
  );
}
