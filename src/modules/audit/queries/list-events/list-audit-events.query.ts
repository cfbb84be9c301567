import { Query } from '@nestjs/cqrs';
import type { AuditEventPageDto, AuditEventsQueryDto } from '../../dto/audit.dto';

export class ListAuditEventsQuery extends Query<AuditEventPageDto> {
  constructor(readonly filter: AuditEventsQueryDto) {
    super();
  }
}
