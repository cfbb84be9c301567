import { Query } from '@nestjs/cqrs';
import type { AuditFilter } from '@lib/event-store';
import type { AuditEventPageDto } from '../../dto/audit.dto';

/** A page of the audit trail, newest first; `cursor` comes from the previous page. */
export interface AuditSearch extends Omit<AuditFilter, 'beforeSeq' | 'limit'> {
  cursor?: string;
  limit: number;
}

export class ListAuditEventsQuery extends Query<AuditEventPageDto> {
  constructor(readonly search: AuditSearch) {
    super();
  }
}
