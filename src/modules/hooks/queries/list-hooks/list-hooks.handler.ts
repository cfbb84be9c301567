import { EntityManager, type FilterQuery } from '@mikro-orm/postgresql';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { cursorPage, newestFirst } from '../../../../common/pagination';
import { HookDto, type HookPageDto } from '../../dto/hook.dto';
import { HookSubscription } from '../../entities/hook-subscription.entity';
import { ListHooksQuery } from './list-hooks.query';

@QueryHandler(ListHooksQuery)
export class ListHooksHandler implements IQueryHandler<ListHooksQuery, HookPageDto> {
  constructor(private readonly em: EntityManager) {}

  async execute({ userId, limit, cursor }: ListHooksQuery): Promise<HookPageDto> {
    const where: FilterQuery<HookSubscription>[] = [{ userId }];
    if (cursor) where.push(newestFirst.after<HookSubscription>(cursor));
    const rows = await this.em
      .fork()
      .find(HookSubscription, { $and: where }, { orderBy: newestFirst.orderBy, limit: limit + 1 });
    return cursorPage(rows, limit, (hook) => HookDto.from(hook), newestFirst.position);
  }
}
