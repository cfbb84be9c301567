import { EntityManager, type FilterQuery } from '@mikro-orm/postgresql';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { User } from '../../../identity';
import { CURSOR_FIELD, cursorPage, decodeCursor } from '../../../../common/pagination';
import { AdminUserDto, type AdminUserPageDto } from '../../dto/admin-user.dto';
import { ListUsersQuery } from './list-users.query';

/** Newest first; keyset pagination on the (time-ordered, uuidv7) id. */
@QueryHandler(ListUsersQuery)
export class ListUsersHandler implements IQueryHandler<ListUsersQuery, AdminUserPageDto> {
  constructor(private readonly em: EntityManager) {}

  async execute({ filter }: ListUsersQuery): Promise<AdminUserPageDto> {
    const where: FilterQuery<User>[] = [];
    if (filter.q) {
      const pattern = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      where.push({ $or: [{ email: { $ilike: pattern } }, { name: { $ilike: pattern } }] });
    }
    if (filter.tier) where.push({ tier: filter.tier });
    if (filter.role) where.push({ role: filter.role });
    if (filter.cursor) {
      const { id } = decodeCursor(filter.cursor, { id: CURSOR_FIELD.uuid });
      where.push({ id: { $lt: id } });
    }
    const rows = await this.em
      .fork()
      .find(User, { $and: where }, { orderBy: { id: 'desc' }, limit: filter.limit + 1 });
    const now = new Date();
    return cursorPage(
      rows,
      filter.limit,
      (user) => AdminUserDto.from(user, now),
      (last) => ({ id: last.id }),
    );
  }
}
