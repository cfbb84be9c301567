import { DomainEvent, DomainEventType } from '@lib/event-store';

export const MAIL_STREAM = 'mail_message';

@DomainEventType('mail.message_queued')
export class MailMessageQueued extends DomainEvent<{
  template: string | null;
  recipients: number;
}> {
  constructor(messageId: string, payload: { template: string | null; recipients: number }) {
    super(MAIL_STREAM, messageId, payload);
  }
}

@DomainEventType('mail.message_sent')
export class MailMessageSent extends DomainEvent<{ driver: string; providerMessageId: string }> {
  constructor(messageId: string, payload: { driver: string; providerMessageId: string }) {
    super(MAIL_STREAM, messageId, payload);
  }
}

@DomainEventType('mail.message_failed')
export class MailMessageFailed extends DomainEvent<{ error: string; attempts: number }> {
  constructor(messageId: string, payload: { error: string; attempts: number }) {
    super(MAIL_STREAM, messageId, payload);
  }
}
