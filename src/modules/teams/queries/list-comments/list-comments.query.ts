import { Query } from '@nestjs/cqrs';
import type { TeamCommentPageDto } from '../../dto/team-comment.dto';

/** Comments on one shared document, oldest first (members). */
export class ListCommentsQuery extends Query<TeamCommentPageDto> {
  constructor(
    readonly userId: string,
    readonly teamId: string,
    readonly shareId: string,
    readonly limit: number,
    readonly cursor?: string,
  ) {
    super();
  }
}
