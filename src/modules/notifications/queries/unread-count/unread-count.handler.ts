import { EntityManager } from '@mikro-orm/postgresql';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { UnreadCountDto } from '../../dto/notification.dto';
import { UnreadCountQuery } from './unread-count.query';

/** Counted up to 100 at most (a badge shows "99+"), so a huge inbox costs no more than that. */
export const UNREAD_CAP = 99;

export async function unreadCount(em: EntityManager, userId: string): Promise<UnreadCountDto> {
  const [row] = await em.execute<{ count: string }[]>(
    `select count(*) as count from (select 1 from notifications
       where user_id = ? and read_at is null and archived_at is null limit ?) capped`,
    [userId, UNREAD_CAP + 1],
  );
  const count = Number(row?.count ?? 0);
  return { count, display: count > UNREAD_CAP ? `${UNREAD_CAP}+` : String(count) };
}

@QueryHandler(UnreadCountQuery)
export class UnreadCountHandler implements IQueryHandler<UnreadCountQuery, UnreadCountDto> {
  constructor(private readonly em: EntityManager) {}

  execute({ userId }: UnreadCountQuery): Promise<UnreadCountDto> {
    return unreadCount(this.em.fork(), userId);
  }
}
