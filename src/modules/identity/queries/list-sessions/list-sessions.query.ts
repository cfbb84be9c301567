import { Query } from '@nestjs/cqrs';
import type { SessionDto } from '../../dto/me.dto';

export class ListSessionsQuery extends Query<SessionDto[]> {
  constructor(
    readonly userId: string,
    readonly currentJti?: string,
  ) {
    super();
  }
}
