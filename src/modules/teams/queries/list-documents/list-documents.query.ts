import { Query } from '@nestjs/cqrs';
import type { TeamDocumentListDto } from '../../dto/team-document.dto';

/** The CVs and cover letters shared with the team (members). */
export class ListDocumentsQuery extends Query<TeamDocumentListDto> {
  constructor(
    readonly userId: string,
    readonly teamId: string,
    readonly limit: number,
    readonly cursor?: string,
  ) {
    super();
  }
}
