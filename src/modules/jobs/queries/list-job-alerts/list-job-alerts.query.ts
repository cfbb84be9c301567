import { Query } from '@nestjs/cqrs';
import type { JobAlertPageDto } from '../../dto/job-alert.dto';

export class ListJobAlertsQuery extends Query<JobAlertPageDto> {
  constructor(
    readonly userId: string,
    readonly limit: number,
    readonly cursor?: string,
  ) {
    super();
  }
}
