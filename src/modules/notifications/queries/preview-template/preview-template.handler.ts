import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { AppConfig } from '@lib/config';
import { Problem } from '@lib/problems';
import { EmailRenderer, findEmailTemplate } from '../../../mail';
import type { EmailPreviewDto } from '../../dto/email-template.dto';
import { PreviewEmailTemplateQuery } from './preview-template.query';

/** Renders a template with its sample data, as a recipient would get it. */
@QueryHandler(PreviewEmailTemplateQuery)
export class PreviewEmailTemplateHandler implements IQueryHandler<
  PreviewEmailTemplateQuery,
  EmailPreviewDto
> {
  constructor(
    private readonly renderer: EmailRenderer,
    private readonly config: AppConfig,
  ) {}

  async execute({ id, language }: PreviewEmailTemplateQuery): Promise<EmailPreviewDto> {
    const definition = findEmailTemplate(id);
    if (!definition) {
      throw Problem.notFound('Email template', 'notification.template_not_found');
    }
    const sample = definition.sample;
    const rendered = await this.renderer.renderById(id, sample, {
      language,
      unsubscribeUrl: new URL('/v1/unsubscribe/preview', this.config.env.API_URL).toString(),
    });
    return {
      template: id,
      language: rendered.language,
      subject: rendered.subject,
      html: rendered.html,
      text: rendered.text,
      headers: rendered.headers,
      sample,
    };
  }
}
