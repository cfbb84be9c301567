import { EntityManager, type FilterQuery } from '@mikro-orm/postgresql';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { cursorPage, CURSOR_FIELD, decodeCursor } from '../../../../common/pagination';
import type { HookDeliveryAttemptDto, HookDeliveryPageDto } from '../../dto/hook.dto';
import { HookDeliveryAttempt } from '../../entities/hook-delivery-attempt.entity';
import { HookSubscription } from '../../entities/hook-subscription.entity';
import { hooksProblems } from '../../hooks.problems';
import { ListHookDeliveriesQuery } from './list-deliveries.query';

/** Attempts newest first, keyset on (attemptedAt, id). */
@QueryHandler(ListHookDeliveriesQuery)
export class ListHookDeliveriesHandler implements IQueryHandler<
  ListHookDeliveriesQuery,
  HookDeliveryPageDto
> {
  constructor(private readonly em: EntityManager) {}

  async execute({
    userId,
    hookId,
    limit,
    cursor,
  }: ListHookDeliveriesQuery): Promise<HookDeliveryPageDto> {
    const em = this.em.fork();
    if (!(await em.count(HookSubscription, { id: hookId, userId }))) {
      throw hooksProblems.problem('hooks.not_found', 'No such hook subscription.');
    }
    const where: FilterQuery<HookDeliveryAttempt>[] = [{ hookId }];
    if (cursor) {
      const position = decodeCursor(cursor, { at: CURSOR_FIELD.isoDate, id: CURSOR_FIELD.uuid });
      const at = new Date(position.at);
      where.push({
        $or: [{ attemptedAt: { $lt: at } }, { attemptedAt: at, id: { $lt: position.id } }],
      });
    }
    const rows = await em.find(
      HookDeliveryAttempt,
      { $and: where },
      { orderBy: { attemptedAt: 'desc', id: 'desc' }, limit: limit + 1 },
    );
    return cursorPage(rows, limit, toDto, (last) => ({
      at: last.attemptedAt.toISOString(),
      id: last.id,
    }));
  }
}

function toDto(row: HookDeliveryAttempt): HookDeliveryAttemptDto {
  return {
    id: row.id,
    event_id: row.eventId,
    event: row.eventType,
    attempt: row.attempt,
    attempted_at: row.attemptedAt.toISOString(),
    status_code: row.statusCode ?? null,
    duration_ms: row.durationMs,
    outcome: row.outcome,
    error: row.error ?? null,
    next_retry_at: row.nextRetryAt?.toISOString() ?? null,
  };
}
