import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/event-store';
import { MailOutbox } from '../../mail-outbox';
import { QueueEmailCommand } from './queue-email.command';

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
    to,
    subject,
    html,
    text,
    template,
  }: QueueEmailCommand): Promise<{ messageId: string }> {
    return this.uow.run((em) =>
      Promise.resolve({
        messageId: this.outbox.queue(em, to, { subject, html, text }, template).id,
      }),
    );
  }
}
