import { UniqueConstraintViolationException } from '@mikro-orm/postgresql';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/event-store';
import { JobSourceError } from '@lib/providers';
import { JobBoardDto } from '../../dto/job-board.dto';
import { JobBoard } from '../../entities/job-board.entity';
import { JobBoardFollowed } from '../../events/jobs.events';
import { JobSources } from '../../job-sources.provider';
import { jobProblems } from '../../jobs.problems';
import { FollowJobBoardCommand } from './follow-job-board.command';

/**
 * Probes the board once (outside any transaction): a 404 from the board is a
 * 422, another failure a 502. Then stores it with `jobs.board_followed`; the
 * source's next run reads it alongside the env list.
 */
@CommandHandler(FollowJobBoardCommand)
export class FollowJobBoardHandler implements ICommandHandler<FollowJobBoardCommand> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly sources: JobSources,
  ) {}

  async execute({ adminId, source, token }: FollowJobBoardCommand): Promise<JobBoardDto> {
    const exists = () =>
      jobProblems.problem('job.board_exists', `${source} board "${token}" is already followed`);
    if (this.sources.envBoards(source).includes(token)) throw exists();
    let postings: number;
    try {
      postings = await this.sources.boardSource(source).probe(token);
    } catch (error) {
      if (error instanceof JobSourceError && error.status === 404) {
        throw jobProblems.problem('job.board_not_found', `${source} has no board "${token}"`);
      }
      throw jobProblems.problem(
        'job.board_unreachable',
        `${source} board "${token}" could not be read: ${(error as Error).message}`,
      );
    }
    try {
      return await this.uow.run(async (em, events) => {
        if (await em.findOne(JobBoard, { source, token })) throw exists();
        const board = em.create(JobBoard, {
          source,
          token,
          postingsAtProbe: postings,
          addedBy: adminId,
          createdAt: new Date(),
        });
        events.record(new JobBoardFollowed(source, { token, postings }));
        return JobBoardDto.ofStored(board, this.sources.info(source)?.status === 'active');
      });
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) throw exists();
      throw error;
    }
  }
}
