import { Query } from '@nestjs/cqrs';
import type { ApplicationPageDto } from '../../dto/application.dto';

export class ListApplicationsQuery extends Query<ApplicationPageDto> {
  constructor(
    readonly userId: string,
    readonly limit: number,
    readonly cursor?: string,
  ) {
    super();
  }
}
