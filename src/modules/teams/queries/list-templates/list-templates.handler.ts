import { EntityManager } from '@mikro-orm/postgresql';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
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

  async execute({ userId, teamId }: ListTemplatesQuery): Promise<TeamTemplateListDto> {
    const em = this.em.fork();
    await this.access.require(em, teamId, userId, 'read', 'TeamDocument');
    const rows = await em.find(
      TeamTemplate,
      { teamId },
      { orderBy: { createdAt: 'desc', id: 'desc' } },
    );
    return { items: rows.map((row) => TeamTemplateDto.from(row)) };
  }
}
