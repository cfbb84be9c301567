import { Query } from '@nestjs/cqrs';
import type { JobDto } from '../../dto/job.dto';

/** One job with every source link; other modules (cover letters) use it through the query bus. */
export class GetJobQuery extends Query<JobDto> {
  constructor(readonly jobId: string) {
    super();
  }
}
