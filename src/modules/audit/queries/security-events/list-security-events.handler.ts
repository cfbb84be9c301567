import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { AuditLog } from '@lib/event-store';
import { CURSOR_FIELD, cursorPage, decodeCursor } from '../../../../common/pagination';
import { AuditEventDto, type AuditEventPageDto } from '../../dto/audit.dto';
import { ListSecurityEventsQuery } from './list-security-events.query';

/** The `security.*` part of the audit trail, newest first. */
@QueryHandler(ListSecurityEventsQuery)
export class ListSecurityEventsHandler implements IQueryHandler<
  ListSecurityEventsQuery,
  AuditEventPageDto
> {
  constructor(private readonly audit: AuditLog) {}

  async execute({ filter }: ListSecurityEventsQuery): Promise<AuditEventPageDto> {
    const events = await this.audit.find({
      type: filter.type,
      typePrefix: 'security.',
      ip: filter.ip,
      from: filter.from,
      to: filter.to,
      beforeSeq: filter.cursor
        ? decodeCursor(filter.cursor, { seq: CURSOR_FIELD.seq }).seq
        : undefined,
      limit: filter.limit + 1,
    });
    return cursorPage(
      events,
      filter.limit,
      (e) => AuditEventDto.from(e),
      (last) => ({ seq: last.seq }),
    );
  }
}
