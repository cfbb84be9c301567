import { Query } from '@nestjs/cqrs';
import type { JobSearchPageDto } from '../../dto/job.dto';
import type { JobSearchParams } from '../../search/job-search.port';

export class SearchJobsQuery extends Query<JobSearchPageDto> {
  constructor(
    readonly params: JobSearchParams,
    /** Signed-in caller (analytics); anonymous searches have none. */
    readonly userId?: string,
  ) {
    super();
  }
}
