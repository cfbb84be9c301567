import { Query } from '@nestjs/cqrs';
import type { EmailLanguage } from '../../../mail';
import type { EmailPreviewDto } from '../../dto/email-template.dto';

export class PreviewEmailTemplateQuery extends Query<EmailPreviewDto> {
  constructor(
    readonly id: string,
    readonly language: EmailLanguage,
  ) {
    super();
  }
}
