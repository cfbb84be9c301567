import { InjectQueue } from '@nestjs/bull';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Queue } from 'bull';
import { QUEUES, type PasswordResetJob } from '@lib/queue';
import { RequestPasswordResetCommand } from './request-password-reset.command';

/**
 * Only enqueues: the answer, and the time it takes, are the same whether or
 * not the address has an account. The job looks the account up.
 */
@CommandHandler(RequestPasswordResetCommand)
export class RequestPasswordResetHandler implements ICommandHandler<
  RequestPasswordResetCommand,
  void
> {
  constructor(@InjectQueue(QUEUES.identity) private readonly queue: Queue<PasswordResetJob>) {}

  async execute({ email }: RequestPasswordResetCommand): Promise<void> {
    await this.queue.add('password-reset', { email: email.trim().toLowerCase() });
  }
}
