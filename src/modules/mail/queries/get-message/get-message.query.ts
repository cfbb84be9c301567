import { Query } from '@nestjs/cqrs';
import type { MailMessageDto } from '../../dto/mail-message.dto';

export class GetMailMessageQuery extends Query<MailMessageDto> {
  constructor(readonly id: string) {
    super();
  }
}
