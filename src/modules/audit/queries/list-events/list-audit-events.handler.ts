import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { AuditLog } from '@lib/event-store';
import { CURSOR_FIELD, cursorPage, decodeCursor } from '../../../../common/pagination';
import { AuditEventDto, type AuditEventPageDto } from '../../dto/audit.dto';
import { ListAuditEventsQuery } from './list-audit-events.query';

@QueryHandler(ListAuditEventsQuery)
export class ListAuditEventsHandler implements IQueryHandler<
  ListAuditEventsQuery,
  AuditEventPageDto
> {
  constructor(private readonly audit: AuditLog) {}

  async execute({ filter }: ListAuditEventsQuery): Promise<AuditEventPageDto> {
    const events = await this.audit.find({
      actorId: filter.actor,
      streamType: filter.streamType,
      streamId: filter.streamId,
      type: filter.type,
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
