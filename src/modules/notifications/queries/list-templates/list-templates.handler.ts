import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { emailTemplates, languagesOf } from '../../../mail';
import type { EmailTemplateListDto } from '../../dto/email-template.dto';
import { ListEmailTemplatesQuery } from './list-templates.query';

/** Every registered email template, whichever module defines it. */
@QueryHandler(ListEmailTemplatesQuery)
export class ListEmailTemplatesHandler implements IQueryHandler<
  ListEmailTemplatesQuery,
  EmailTemplateListDto
> {
  execute(): Promise<EmailTemplateListDto> {
    return Promise.resolve({
      items: emailTemplates().map(([id, definition]) => ({
        id,
        description: definition.description,
        bulk: !!definition.bulk,
        languages: languagesOf(definition),
      })),
    });
  }
}
