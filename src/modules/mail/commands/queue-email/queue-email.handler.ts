import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AppConfig } from '@lib/config';
import { UnitOfWork } from '@lib/event-store';
import { MailMessage } from '../../entities/mail-message.entity';
import { QueueEmailCommand } from './queue-email.command';

@CommandHandler(QueueEmailCommand)
export class QueueEmailHandler implements ICommandHandler<
  QueueEmailCommand,
  { messageId: string }
> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly config: AppConfig,
  ) {}

  execute(command: QueueEmailCommand): Promise<{ messageId: string }> {
    return this.uow.run(async (em) => {
      if (command.messageId && (await em.count(MailMessage, command.messageId))) {
        return { messageId: command.messageId };
      }
      const message = MailMessage.queue({
        id: command.messageId,
        from: this.config.env.FROM_EMAIL,
        to: command.to,
        subject: command.subject,
        html: command.html,
        text: command.text,
        template: command.template,
      });
      em.persist(message);
      return { messageId: message.id };
    });
  }
}
