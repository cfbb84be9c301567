import { EntityManager, type FilterQuery } from '@mikro-orm/postgresql';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { cursorPage, newestFirst } from '../../../../common/pagination';
import { ApiKeyDto, type ApiKeyPageDto } from '../../dto/api-key.dto';
import { ApiKey } from '../../entities/api-key.entity';
import { ListApiKeysQuery } from './list-api-keys.query';

/** The caller's keys, revoked and expired ones included; newest first, keyset on (createdAt, id). */
@QueryHandler(ListApiKeysQuery)
export class ListApiKeysHandler implements IQueryHandler<ListApiKeysQuery, ApiKeyPageDto> {
  constructor(private readonly em: EntityManager) {}

  async execute({ userId, limit, cursor }: ListApiKeysQuery): Promise<ApiKeyPageDto> {
    const where: FilterQuery<ApiKey>[] = [{ userId }];
    if (cursor) where.push(newestFirst.after<ApiKey>(cursor));
    const rows = await this.em
      .fork()
      .find(ApiKey, { $and: where }, { orderBy: newestFirst.orderBy, limit: limit + 1 });
    return cursorPage(rows, limit, (key) => ApiKeyDto.from(key), newestFirst.position);
  }
}
