import { Query } from '@nestjs/cqrs';
import type { MailMessagePageDto } from '../../dto/mail-message.dto';

export class ListOutboxQuery extends Query<MailMessagePageDto> {
  constructor(
    readonly limit: number,
    readonly cursor?: string,
    readonly status?: 'queued' | 'sent' | 'failed',
    readonly to?: string,
  ) {
    super();
  }
}
