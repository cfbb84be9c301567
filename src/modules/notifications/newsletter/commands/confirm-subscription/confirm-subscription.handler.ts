import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/event-store';
import { hashConfirmationToken } from '../../confirmation-token';
import type { NewsletterSubscriptionDto } from '../../dto/newsletter.dto';
import { NewsletterSubscriber } from '../../entities/newsletter-subscriber.entity';
import { NewsletterSubscriptionConfirmed } from '../../events/newsletter.events';
import { CONFIRMATION_TTL_MS } from '../../newsletter-topics';
import { newsletterProblems } from '../../newsletter.problems';
import { followNewsletterSubscription } from '../../user-newsletter-subscription';
import { ConfirmNewsletterSubscriptionCommand } from './confirm-subscription.command';

/** Confirms with the emailed token (used once, valid 48 h); the requested topics take effect. */
@CommandHandler(ConfirmNewsletterSubscriptionCommand)
export class ConfirmNewsletterSubscriptionHandler implements ICommandHandler<ConfirmNewsletterSubscriptionCommand> {
  constructor(private readonly uow: UnitOfWork) {}

  execute({ token }: ConfirmNewsletterSubscriptionCommand): Promise<NewsletterSubscriptionDto> {
    return this.uow.run(async (em, events) => {
      const subscriber = await em.findOne(NewsletterSubscriber, {
        confirmationTokenHash: hashConfirmationToken(token),
      });
      const sentAt = subscriber?.confirmationSentAt?.getTime() ?? 0;
      if (!subscriber || Date.now() - sentAt > CONFIRMATION_TTL_MS) {
        throw newsletterProblems.problem(
          'newsletter.invalid_token',
          'This confirmation link is not valid (any more).',
        );
      }
      subscriber.status = 'confirmed';
      subscriber.topics = [...subscriber.requestedTopics];
      subscriber.confirmationTokenHash = null;
      subscriber.confirmedAt = new Date();
      events.record(
        new NewsletterSubscriptionConfirmed(subscriber.id, { topics: subscriber.topics }),
      );
      if (subscriber.topics.length > 0)
        await followNewsletterSubscription(em, subscriber.email, true);
      return { email: subscriber.email, status: 'confirmed', topics: subscriber.topics };
    });
  }
}
