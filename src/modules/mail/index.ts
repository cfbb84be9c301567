export { MailModule } from './mail.module';
export { QueueEmailCommand } from './commands/queue-email/queue-email.command';
export { MailMessage } from './entities/mail-message.entity';
export { MailOutbox } from './mail-outbox';
export { MailMessageQueued, MailMessageSent } from './events/mail.events';
export { renderEmail, type EmailContent, type RenderedEmail } from './templates/render-email';
