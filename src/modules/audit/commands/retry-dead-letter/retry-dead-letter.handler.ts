import { LockMode } from '@mikro-orm/core';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EventDeliveries, EventDelivery, UnitOfWork } from '@lib/event-store';
import { Problem } from '@lib/problems';
import { EventDeliveryDto } from '../../dto/dead-letter.dto';
import { DeadLetterRetried } from '../../events/audit.events';
import { RetryDeadLetterCommand } from './retry-dead-letter.command';

/**
 * Gives a dead letter a fresh set of attempts, due at once: the outbox relay
 * delivers it again (a job-run handler gets a new job), and the retry is an
 * event in the audit trail. 404 for an unknown delivery, 409
 * `event_delivery.not_dead` for one that is not dead.
 */
@CommandHandler(RetryDeadLetterCommand)
export class RetryDeadLetterHandler implements ICommandHandler<
  RetryDeadLetterCommand,
  EventDeliveryDto
> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly deliveries: EventDeliveries,
  ) {}

  execute({ deliveryId }: RetryDeadLetterCommand): Promise<EventDeliveryDto> {
    return this.uow.run(async (em, events) => {
      const before = await em.findOne(EventDelivery, deliveryId, {
        lockMode: LockMode.PESSIMISTIC_WRITE,
      });
      const result = await this.deliveries.retry(em, deliveryId);
      if (result === 'not_found') {
        throw Problem.notFound('Event delivery', 'event_delivery.not_found');
      }
      if (result === 'not_dead') {
        throw Problem.conflict('event_delivery.not_dead', 'Only a dead letter can be retried');
      }
      if (before) {
        events.record(
          new DeadLetterRetried(deliveryId, {
            eventId: before.eventId,
            eventType: before.eventType,
            handler: before.handler,
            attemptsBefore: before.attempts,
            lastError: before.lastError ?? null,
          }),
        );
      }
      return EventDeliveryDto.from(
        await em.findOneOrFail(EventDelivery, deliveryId, { refresh: true }),
      );
    });
  }
}
