import { Query } from '@nestjs/cqrs';
import type { Principal } from '@lib/authz';
import type { RecommendedJobsDto } from '../../dto/job-match.dto';

export class RecommendJobsQuery extends Query<RecommendedJobsDto> {
  constructor(
    readonly actor: Principal,
    readonly cvId: string,
    readonly limit: number,
  ) {
    super();
  }
}
