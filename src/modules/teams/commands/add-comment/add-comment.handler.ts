import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/event-store';
import { TeamCommentDto } from '../../dto/team-comment.dto';
import { TeamDocumentComment } from '../../entities/team-document-comment.entity';
import { CommentAdded } from '../../events/teams.events';
import { TeamAccess } from '../../team-access';
import { AddCommentCommand } from './add-comment.command';

@CommandHandler(AddCommentCommand)
export class AddCommentHandler implements ICommandHandler<AddCommentCommand, TeamCommentDto> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly access: TeamAccess,
  ) {}

  execute({ userId, teamId, shareId, body }: AddCommentCommand): Promise<TeamCommentDto> {
    return this.uow.run(async (em, events) => {
      await this.access.require(em, teamId, userId, 'create', 'TeamDocument');
      await this.access.share(em, teamId, shareId);
      const comment = em.create(TeamDocumentComment, {
        teamId,
        shareId,
        authorId: userId,
        body,
        createdAt: new Date(),
      });
      events.record(new CommentAdded(teamId, { commentId: comment.id, shareId }));
      await em.flush();
      return TeamCommentDto.from(comment);
    });
  }
}
