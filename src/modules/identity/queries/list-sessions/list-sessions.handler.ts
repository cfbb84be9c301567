import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { SessionDto } from '../../dto/me.dto';
import { SessionService } from '../../sessions/session.service';
import { ListSessionsQuery } from './list-sessions.query';

@QueryHandler(ListSessionsQuery)
export class ListSessionsHandler implements IQueryHandler<ListSessionsQuery, SessionDto[]> {
  constructor(private readonly sessions: SessionService) {}

  async execute({ userId, currentJti }: ListSessionsQuery): Promise<SessionDto[]> {
    return (await this.sessions.list(userId)).map((t) => SessionDto.from(t, currentJti));
  }
}
