import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { Problem } from '@lib/problems';
import type { MeDto } from '../../dto/me.dto';
import { MeView } from '../../profile/me-view';
import { UserCache } from '../../user-cache';
import { GetMeQuery } from './get-me.query';

@QueryHandler(GetMeQuery)
export class GetMeHandler implements IQueryHandler<GetMeQuery, MeDto> {
  constructor(
    private readonly users: UserCache,
    private readonly view: MeView,
  ) {}

  async execute({ userId }: GetMeQuery): Promise<MeDto> {
    const user = await this.users.find(userId);
    if (!user) throw Problem.notFound('User');
    return this.view.of(user);
  }
}
