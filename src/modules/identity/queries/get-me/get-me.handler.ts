import { EntityManager } from '@mikro-orm/postgresql';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { Problem } from '@lib/problems';
import { MeDto } from '../../dto/me.dto';
import { User } from '../../entities/user.entity';
import { GetMeQuery } from './get-me.query';

@QueryHandler(GetMeQuery)
export class GetMeHandler implements IQueryHandler<GetMeQuery, MeDto> {
  constructor(private readonly em: EntityManager) {}

  async execute({ userId }: GetMeQuery): Promise<MeDto> {
    const user = await this.em.fork().findOne(User, userId);
    if (!user) throw Problem.notFound('User');
    return MeDto.from(user);
  }
}
