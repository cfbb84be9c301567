import { Command } from '@nestjs/cqrs';

/** A visitor follows the unsubscribe link of a newsletter email. */
export class UnsubscribeNewsletterSubscriberCommand extends Command<void> {
  constructor(readonly token: string) {
    super();
  }
}
