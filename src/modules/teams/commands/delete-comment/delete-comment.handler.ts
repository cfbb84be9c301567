import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/event-store';
import { TeamDocumentComment } from '../../entities/team-document-comment.entity';
import { CommentDeleted } from '../../events/teams.events';
import { TeamAccess } from '../../team-access';
import { teamsProblems } from '../../teams.problems';
import { DeleteCommentCommand } from './delete-comment.command';

@CommandHandler(DeleteCommentCommand)
export class DeleteCommentHandler implements ICommandHandler<DeleteCommentCommand> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly access: TeamAccess,
  ) {}

  async execute({ userId, teamId, shareId, commentId }: DeleteCommentCommand): Promise<void> {
    await this.uow.run(async (em, events) => {
      await this.access.member(em, teamId, userId);
      const comment = await em.findOne(TeamDocumentComment, { id: commentId, teamId, shareId });
      if (!comment) throw teamsProblems.problem('teams.comment_not_found', 'No such comment.');
      const action = comment.authorId === userId ? 'create' : 'delete';
      await this.access.require(em, teamId, userId, action, 'TeamDocument');
      em.remove(comment);
      events.record(new CommentDeleted(teamId, { commentId, shareId }));
    });
  }
}
