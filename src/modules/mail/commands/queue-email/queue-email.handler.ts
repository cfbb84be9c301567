import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/event-store';
import { MailOutbox } from '../../mail-outbox';
import { QueueEmailCommand } from './queue-email.command';

/** Stores an email for delivery; a command carrying a known message id is a repeat and adds nothing. */
@CommandHandler(QueueEmailCommand)
export class QueueEmailHandler implements ICommandHandler<
  QueueEmailCommand,
  { messageId: string }
> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly outbox: MailOutbox,
  ) {}

  execute({
    messageId,
    to,
    subject,
    html,
    text,
    template,
  }: QueueEmailCommand): Promise<{ messageId: string }> {
    return this.uow.run(async (em) => ({
      messageId: await this.outbox.queueOnce(
        em,
        to,
        { subject, html, text },
        { template, id: messageId },
      ),
    }));
  }
}
