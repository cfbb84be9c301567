import { Command } from '@nestjs/cqrs';
import type { NewsletterSubscriptionDto } from '../../dto/newsletter.dto';

/** The emailed link was followed: the subscription starts. */
export class ConfirmNewsletterSubscriptionCommand extends Command<NewsletterSubscriptionDto> {
  constructor(readonly token: string) {
    super();
  }
}
