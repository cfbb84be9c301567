export { MailModule } from './mail.module';
export { QueueEmailCommand } from './commands/queue-email/queue-email.command';
export { MailMessage } from './entities/mail-message.entity';
export { MailMessageQueued, MailMessageSent } from './events/mail.events';
