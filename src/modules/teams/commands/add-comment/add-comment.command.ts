import { Command } from '@nestjs/cqrs';
import type { TeamCommentDto } from '../../dto/team-comment.dto';

/** A member comments on a document shared with the team (frozen members cannot). */
export class AddCommentCommand extends Command<TeamCommentDto> {
  constructor(
    readonly userId: string,
    readonly teamId: string,
    readonly shareId: string,
    readonly body: string,
  ) {
    super();
  }
}
