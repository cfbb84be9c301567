import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/event-store';
import { JobBoard } from '../../entities/job-board.entity';
import { JobBoardUnfollowed } from '../../events/jobs.events';
import { jobProblems } from '../../jobs.problems';
import { UnfollowJobBoardCommand } from './unfollow-job-board.command';

/** Removes an admin-added board; its postings expire when the source's next whole run misses them. */
@CommandHandler(UnfollowJobBoardCommand)
export class UnfollowJobBoardHandler implements ICommandHandler<UnfollowJobBoardCommand> {
  constructor(private readonly uow: UnitOfWork) {}

  execute({ source, token }: UnfollowJobBoardCommand): Promise<void> {
    return this.uow.run(async (em, events) => {
      const board = await em.findOne(JobBoard, { source, token });
      if (!board) {
        throw jobProblems.problem(
          'job.board_not_followed',
          `No admin-added ${source} board "${token}"`,
        );
      }
      em.remove(board);
      events.record(new JobBoardUnfollowed(source, token));
    });
  }
}
