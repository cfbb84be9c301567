import { Command } from '@nestjs/cqrs';

/** Accepted for any address: whether it has an account is decided later, in a job. */
export class RequestPasswordResetCommand extends Command<void> {
  constructor(readonly email: string) {
    super();
  }
}
