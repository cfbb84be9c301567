import { Command } from '@nestjs/cqrs';
import type { EventDeliveryDto } from '../../dto/dead-letter.dto';

export class RetryDeadLetterCommand extends Command<EventDeliveryDto> {
  constructor(readonly deliveryId: string) {
    super();
  }
}
