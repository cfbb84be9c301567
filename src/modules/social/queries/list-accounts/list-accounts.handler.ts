import { EntityManager } from '@mikro-orm/postgresql';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { SocialAccountDto, type SocialAccountListDto } from '../../dto/social-account.dto';
import { SocialAccount } from '../../entities/social-account.entity';
import { SocialQueueSlot } from '../../entities/social-queue-slot.entity';
import { ListAccountsQuery } from './list-accounts.query';

/** The caller's accounts (bounded by the plan quota) with health and queue slots; never tokens. */
@QueryHandler(ListAccountsQuery)
export class ListAccountsHandler implements IQueryHandler<ListAccountsQuery, SocialAccountListDto> {
  constructor(private readonly em: EntityManager) {}

  async execute({ userId }: ListAccountsQuery): Promise<SocialAccountListDto> {
    const em = this.em.fork();
    const accounts = await em.find(SocialAccount, { userId }, { orderBy: { createdAt: 'asc' } });
    const slots = accounts.length
      ? await em.find(SocialQueueSlot, { account: { $in: accounts.map((a) => a.id) } })
      : [];
    return {
      items: accounts.map((a) =>
        SocialAccountDto.of(
          a,
          slots.filter((s) => s.account.id === a.id),
        ),
      ),
    };
  }
}
