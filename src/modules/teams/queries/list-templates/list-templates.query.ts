import { Query } from '@nestjs/cqrs';
import type { TeamTemplateListDto } from '../../dto/team-template.dto';

/** The team's saved CV layouts, newest first (members). */
export class ListTemplatesQuery extends Query<TeamTemplateListDto> {
  constructor(
    readonly userId: string,
    readonly teamId: string,
    readonly limit: number,
    readonly cursor?: string,
  ) {
    super();
  }
}
