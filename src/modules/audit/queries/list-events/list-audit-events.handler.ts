import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { AuditLog } from '@lib/event-store';
import { CURSOR_FIELD, cursorPage, decodeCursor } from '../../../../common/pagination';
import { AuditEventDto, type AuditEventPageDto } from '../../dto/audit.dto';
import { ListAuditEventsQuery } from './list-audit-events.query';

/** Serves both the audit trail and its security view (which sets `typePrefix`). */
@QueryHandler(ListAuditEventsQuery)
export class ListAuditEventsHandler implements IQueryHandler<
  ListAuditEventsQuery,
  AuditEventPageDto
> {
  constructor(private readonly audit: AuditLog) {}

  async execute({ search }: ListAuditEventsQuery): Promise<AuditEventPageDto> {
    const { cursor, limit, ...filter } = search;
    const events = await this.audit.find({
      ...filter,
      beforeSeq: cursor ? decodeCursor(cursor, { seq: CURSOR_FIELD.seq }).seq : undefined,
      limit: limit + 1,
    });
    return cursorPage(
      events,
      limit,
      (e) => AuditEventDto.from(e),
      (last) => ({ seq: last.seq }),
    );
  }
}
