import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EventDeliveries, EventDelivery, UnitOfWork } from '@lib/event-store';
import { Problem } from '@lib/problems';
import { EventDeliveryDto } from '../../dto/dead-letter.dto';
import { RetryDeadLetterCommand } from './retry-dead-letter.command';

/**
 * Gives a dead letter a fresh set of attempts, due at once: the outbox relay
 * delivers it again (a job-run handler gets a new job). 404 for an unknown
 * delivery, 409 `event_delivery.not_dead` for one that is not dead.
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
    return this.uow.run(async (em) => {
      const result = await this.deliveries.retry(em, deliveryId);
      if (result === 'not_found') {
        throw Problem.notFound('Event delivery', 'event_delivery.not_found');
      }
      if (result === 'not_dead') {
        throw Problem.conflict('event_delivery.not_dead', 'Only a dead letter can be retried');
      }
      return EventDeliveryDto.from(await em.findOneOrFail(EventDelivery, deliveryId));
    });
  }
}
