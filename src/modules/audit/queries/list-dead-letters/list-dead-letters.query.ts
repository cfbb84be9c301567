import { Query } from '@nestjs/cqrs';
import type { EventDeliveryPageDto } from '../../dto/dead-letter.dto';

export class ListDeadLettersQuery extends Query<EventDeliveryPageDto> {
  constructor(
    readonly limit: number,
    readonly cursor?: string,
  ) {
    super();
  }
}
