import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { Problem } from '@lib/problems';
import { MeDto } from '../../dto/me.dto';
import { UserCache } from '../../user-cache';
import { GetMeQuery } from './get-me.query';

@QueryHandler(GetMeQuery)
export class GetMeHandler implements IQueryHandler<GetMeQuery, MeDto> {
  constructor(private readonly users: UserCache) {}

  async execute({ userId }: GetMeQuery): Promise<MeDto> {
    const user = await this.users.find(userId);
    if (!user) throw Problem.notFound('User');
    return MeDto.from(user);
  }
}
