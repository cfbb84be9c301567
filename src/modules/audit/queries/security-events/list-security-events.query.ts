import { Query } from '@nestjs/cqrs';
import type { AuditEventPageDto } from '../../dto/audit.dto';
import type { SecurityEventsQueryDto } from '../../dto/security.dto';

export class ListSecurityEventsQuery extends Query<AuditEventPageDto> {
  constructor(readonly filter: SecurityEventsQueryDto) {
    super();
  }
}
