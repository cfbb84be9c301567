import { EntityManager } from '@mikro-orm/postgresql';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { COMPANY_BOARD_SOURCES } from '@lib/providers';
import { JobBoardDto, type JobBoardListDto } from '../../dto/job-board.dto';
import { JobBoard } from '../../entities/job-board.entity';
import { JobSources } from '../../job-sources.provider';
import { ListJobBoardsQuery } from './list-job-boards.query';

/** Every followed company board: the env lists merged with the admin-added ones. */
@QueryHandler(ListJobBoardsQuery)
export class ListJobBoardsHandler implements IQueryHandler<ListJobBoardsQuery, JobBoardListDto> {
  constructor(
    private readonly em: EntityManager,
    private readonly sources: JobSources,
  ) {}

  async execute(): Promise<JobBoardListDto> {
    const stored = await this.em
      .fork()
      .find(JobBoard, {}, { orderBy: { source: 'asc', createdAt: 'asc' } });
    const items: JobBoardDto[] = [];
    for (const source of COMPANY_BOARD_SOURCES) {
      const active = this.sources.info(source)?.status === 'active';
      const env = this.sources.envBoards(source);
      items.push(...env.map((token) => JobBoardDto.ofEnv(source, token, active)));
      items.push(
        ...stored
          .filter((b) => b.source === source && !env.includes(b.token))
          .map((b) => JobBoardDto.ofStored(b, active)),
      );
    }
    return { items };
  }
}
