export { MailModule } from './mail.module';
export { QueueEmailCommand } from './commands/queue-email/queue-email.command';
export { MailMessage } from './entities/mail-message.entity';
export { MailOutbox } from './mail-outbox';
export { MailMessageQueued, MailMessageSent } from './events/mail.events';
export { renderEmail, type EmailContent, type RenderedEmail } from './templates/render-email';
export {
  EMAIL_LANGUAGES,
  defineEmailTemplates,
  emailLanguage,
  emailTemplate,
  emailTemplates,
  findEmailTemplate,
  languagesOf,
  type EmailBody,
  type EmailLanguage,
  type EmailTemplateDefinition,
  type RegisteredTemplate,
  type TemplateData,
} from './templates/email-template';
export {
  EmailRenderer,
  type RenderOptions,
  type RenderedTemplate,
} from './templates/email-renderer';
