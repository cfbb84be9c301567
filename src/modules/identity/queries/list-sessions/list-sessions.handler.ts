import { EntityManager } from '@mikro-orm/postgresql';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { SessionDto } from '../../dto/me.dto';
import { RefreshToken } from '../../entities/refresh-token.entity';
import { ListSessionsQuery } from './list-sessions.query';

/** The user's live sessions, newest first: the newest token of each family. */
@QueryHandler(ListSessionsQuery)
export class ListSessionsHandler implements IQueryHandler<ListSessionsQuery, SessionDto[]> {
  constructor(private readonly em: EntityManager) {}

  async execute({ userId, currentJti }: ListSessionsQuery): Promise<SessionDto[]> {
    const live = await this.em
      .fork()
      .find(
        RefreshToken,
        { userId, revokedAt: null, usedAt: null, familyExpiresAt: { $gt: new Date() } },
        { orderBy: { createdAt: 'desc' } },
      );
    return live.map((token) => SessionDto.from(token, currentJti));
  }
}
