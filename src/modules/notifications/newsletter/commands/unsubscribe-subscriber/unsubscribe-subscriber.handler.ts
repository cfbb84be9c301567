import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/event-store';
import { NewsletterSubscriber } from '../../entities/newsletter-subscriber.entity';
import { newsletterProblems } from '../../newsletter.problems';
import { NewsletterUnsubscribeLinks } from '../../newsletter-unsubscribe-links';
import { followNewsletterSubscription, unsubscribe } from '../../user-newsletter-subscription';
import { UnsubscribeNewsletterSubscriberCommand } from './unsubscribe-subscriber.command';

/**
 * Ends a subscription (every topic) without login; a signed-in user's
 * newsletter preference follows. Idempotent; an
 * unknown subscriber is answered the same way. Campaigns already sending keep
 * their fixed recipients; later ones leave the address out.
 */
@CommandHandler(UnsubscribeNewsletterSubscriberCommand)
export class UnsubscribeNewsletterSubscriberHandler implements ICommandHandler<UnsubscribeNewsletterSubscriberCommand> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly links: NewsletterUnsubscribeLinks,
  ) {}

  async execute({ token }: UnsubscribeNewsletterSubscriberCommand): Promise<void> {
    const subscriberId = this.links.verify(token);
    if (!subscriberId) {
      throw newsletterProblems.problem(
        'newsletter.invalid_unsubscribe_link',
        'The unsubscribe link is not valid.',
      );
    }
    await this.uow.run(async (em, events) => {
      const subscriber = await em.findOne(NewsletterSubscriber, subscriberId);
      if (!subscriber || subscriber.status === 'unsubscribed') return;
      unsubscribe(subscriber, events);
      await followNewsletterSubscription(em, subscriber.email, false);
    });
  }
}
