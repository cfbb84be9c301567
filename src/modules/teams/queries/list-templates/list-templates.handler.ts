import { EntityManager, type FilterQuery } from '@mikro-orm/postgresql';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { cursorPage, newestFirst } from '../../../../common/pagination';
import { TeamTemplateDto, type TeamTemplateListDto } from '../../dto/team-template.dto';
import { TeamTemplate } from '../../entities/team-template.entity';
import { TeamAccess } from '../../team-access';
import { ListTemplatesQuery } from './list-templates.query';

@QueryHandler(ListTemplatesQuery)
export class ListTemplatesHandler implements IQueryHandler<
  ListTemplatesQuery,
  TeamTemplateListDto
> {
  constructor(
    private readonly em: EntityManager,
    private readonly access: TeamAccess,
  ) {}

  async execute({
    userId,
    teamId,
    limit,
    cursor,
  }: ListTemplatesQuery): Promise<TeamTemplateListDto> {
    const em = this.em.fork();
    await this.access.require(em, teamId, userId, 'read', 'TeamDocument');
    const where: FilterQuery<TeamTemplate>[] = [{ teamId }];
    if (cursor) where.push(newestFirst.after<TeamTemplate>(cursor));
    const rows = await em.find(
      TeamTemplate,
      { $and: where },
      { orderBy: newestFirst.orderBy, limit: limit + 1 },
    );
    return cursorPage(rows, limit, (row) => TeamTemplateDto.from(row), newestFirst.position);
  }
}
