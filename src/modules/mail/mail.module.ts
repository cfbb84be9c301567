import { Module, type DynamicModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { MailProviderModule } from '@lib/providers';
import { QueueEmailHandler } from './commands/queue-email/queue-email.handler';
import { EnqueueDeliveryHandler } from './event-handlers/enqueue-delivery.handler';
import { DeliverMailProcessor } from './jobs/deliver-mail.processor';
import { MailAdminController } from './admin-outbox.controller';
import { MailOutbox } from './mail-outbox';
import { EmailRenderer } from './templates/email-renderer';
import { GetMailMessageHandler } from './queries/get-message/get-message.handler';
import { ListOutboxHandler } from './queries/list-outbox/list-outbox.handler';
import { MailUserData } from './mail-user-data';

/**
 * Worked example of the module shape: command → aggregate → events in the
 * same transaction → event handler enqueues a Bull job → worker delivers
 * through a provider port. The processor exists only in worker processes.
 */
@Module({})
export class MailModule {
  static forRole(runsWorker: boolean): DynamicModule {
    return {
      module: MailModule,
      global: true,
      imports: [CqrsModule, MailProviderModule],
      controllers: [MailAdminController],
      providers: [
        MailUserData,
        MailOutbox,
        EmailRenderer,
        QueueEmailHandler,
        ListOutboxHandler,
        GetMailMessageHandler,
        EnqueueDeliveryHandler,
        ...(runsWorker ? [DeliverMailProcessor] : []),
      ],
      exports: [MailOutbox, EmailRenderer],
    };
  }
}
