import { EntityManager } from '@mikro-orm/postgresql';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { JobSourceHealthDto, type JobSourceHealthListDto } from '../../dto/job-source.dto';
import { JobSourceHealth } from '../../entities/job-source-health.entity';
import { JobSources } from '../../job-sources.provider';
import { ListSourceHealthQuery } from './list-source-health.query';

/** Every source with its status and ingestion health (last success, error rate, postings added). */
@QueryHandler(ListSourceHealthQuery)
export class ListSourceHealthHandler implements IQueryHandler<
  ListSourceHealthQuery,
  JobSourceHealthListDto
> {
  constructor(
    private readonly em: EntityManager,
    private readonly sources: JobSources,
  ) {}

  async execute(): Promise<JobSourceHealthListDto> {
    const rows = new Map(
      (await this.em.fork().find(JobSourceHealth, {})).map((h) => [h.source, h]),
    );
    return {
      items: this.sources.catalog.map((info) =>
        JobSourceHealthDto.withHealth(info, rows.get(info.name) ?? null),
      ),
    };
  }
}
