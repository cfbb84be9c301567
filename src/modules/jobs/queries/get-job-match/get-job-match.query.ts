import { Query } from '@nestjs/cqrs';
import type { Principal } from '@lib/authz';
import type { JobMatchDto } from '../../dto/job-match.dto';

export class GetJobMatchQuery extends Query<JobMatchDto> {
  constructor(
    readonly actor: Principal,
    readonly jobId: string,
    readonly cvId: string,
  ) {
    super();
  }
}
