import { Query } from '@nestjs/cqrs';
import type { SecuritySummaryDto } from '../../dto/security.dto';

export class SecuritySummaryQuery extends Query<SecuritySummaryDto> {
  constructor(readonly hours: number) {
    super();
  }
}
