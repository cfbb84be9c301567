import { Query } from '@nestjs/cqrs';
import type { SavedJobPageDto } from '../../dto/saved-job.dto';

export class ListSavedJobsQuery extends Query<SavedJobPageDto> {
  constructor(
    readonly userId: string,
    readonly limit: number,
    readonly cursor?: string,
  ) {
    super();
  }
}
