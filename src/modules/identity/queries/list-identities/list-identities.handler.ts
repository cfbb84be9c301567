import { EntityManager } from '@mikro-orm/postgresql';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { LinkedIdentityDto } from '../../dto/oauth.dto';
import { UserIdentity } from '../../entities/user-identity.entity';
import { ListIdentitiesQuery } from './list-identities.query';

@QueryHandler(ListIdentitiesQuery)
export class ListIdentitiesHandler implements IQueryHandler<
  ListIdentitiesQuery,
  LinkedIdentityDto[]
> {
  constructor(private readonly em: EntityManager) {}

  async execute({ userId }: ListIdentitiesQuery): Promise<LinkedIdentityDto[]> {
    const identities = await this.em
      .fork()
      .find(UserIdentity, { userId }, { orderBy: { createdAt: 'asc' } });
    return identities.map((identity) => LinkedIdentityDto.from(identity));
  }
}
