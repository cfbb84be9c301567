import { Command } from '@nestjs/cqrs';
import type { NewsletterTopic } from '../../newsletter-topics';

/** A visitor asks for the newsletter; a confirmation link is emailed (double opt-in). */
export class SubscribeToNewsletterCommand extends Command<void> {
  constructor(
    readonly email: string,
    readonly topics: NewsletterTopic[],
  ) {
    super();
  }
}
