import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  EmailRenderer,
  MailOutbox,
  type EmailTemplateDefinition,
  type RegisteredTemplate,
  type RenderedTemplate,
  type TemplateData,
} from '../../mail';
import type { User } from '../entities/user.entity';

type Recipient = Pick<User, 'email' | 'preferences'>;

/** Identity's emails to an account holder: rendered in their language, queued in the caller's transaction. */
@Injectable()
export class IdentityMail {
  constructor(
    private readonly outbox: MailOutbox,
    private readonly renderer: EmailRenderer,
  ) {}

  render<D extends TemplateData>(
    user: Recipient,
    template: RegisteredTemplate<EmailTemplateDefinition<D>>,
    data: D,
  ): Promise<RenderedTemplate> {
    return this.renderer.render(template, data, { language: user.preferences?.language });
  }

  /** `liveLinks`: links carrying a live token, redacted in the stored copy (see MailOutbox). */
  async queue<D extends TemplateData>(
    em: EntityManager,
    user: Recipient,
    template: RegisteredTemplate<EmailTemplateDefinition<D>>,
    data: D,
    liveLinks: string[] = [],
  ): Promise<void> {
    this.outbox.queue(em, [user.email], await this.render(user, template, data), {
      template: template.id,
      liveLinks,
    });
  }
}
