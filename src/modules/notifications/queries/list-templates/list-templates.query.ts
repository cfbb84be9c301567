import { Query } from '@nestjs/cqrs';
import type { EmailTemplateListDto } from '../../dto/email-template.dto';

export class ListEmailTemplatesQuery extends Query<EmailTemplateListDto> {}
