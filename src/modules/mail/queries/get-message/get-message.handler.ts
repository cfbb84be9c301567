import { EntityManager } from '@mikro-orm/postgresql';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { Problem } from '@lib/problems';
import { MailMessageDto } from '../../dto/mail-message.dto';
import { MailMessage } from '../../entities/mail-message.entity';
import { GetMailMessageQuery } from './get-message.query';

@QueryHandler(GetMailMessageQuery)
export class GetMailMessageHandler implements IQueryHandler<GetMailMessageQuery, MailMessageDto> {
  constructor(private readonly em: EntityManager) {}

  async execute(query: GetMailMessageQuery): Promise<MailMessageDto> {
    const message = await this.em.fork().findOne(MailMessage, query.id);
    if (!message) throw Problem.notFound('Mail message');
    return MailMessageDto.from(message);
  }
}
