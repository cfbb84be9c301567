import { Query } from '@nestjs/cqrs';
import type { UnreadCountDto } from '../../dto/notification.dto';

export class UnreadCountQuery extends Query<UnreadCountDto> {
  constructor(readonly userId: string) {
    super();
  }
}
