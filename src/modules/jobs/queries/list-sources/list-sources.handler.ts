import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { JobSourceDto, type JobSourceListDto } from '../../dto/job-source.dto';
import { JobSources } from '../../job-sources.provider';
import { ListJobSourcesQuery } from './list-sources.query';

/** The public list of sources: which feed this deployment, and why the others do not. */
@QueryHandler(ListJobSourcesQuery)
export class ListJobSourcesHandler implements IQueryHandler<ListJobSourcesQuery, JobSourceListDto> {
  constructor(private readonly sources: JobSources) {}

  execute(): Promise<JobSourceListDto> {
    return Promise.resolve({ items: this.sources.catalog.map((info) => JobSourceDto.from(info)) });
  }
}
