import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AppConfig } from '@lib/config';
import { UnitOfWork } from '@lib/event-store';
import { MailOutbox, renderEmail } from '../../../../mail';
import { normalizeEmail, SuppressionList } from '../../../deliverability';
import { newConfirmationToken } from '../../confirmation-token';
import { NewsletterSubscriber } from '../../entities/newsletter-subscriber.entity';
import { NewsletterConfirmationRequested } from '../../events/newsletter.events';
import { NEWSLETTER_TOPIC_IDS, NEWSLETTER_TOPICS } from '../../newsletter-topics';
import { SubscribeToNewsletterCommand } from './subscribe.command';

/** A new confirmation email to the same address waits at least this long. */
const RESEND_AFTER_MS = 10 * 60_000;

/**
 * Stores (or refreshes) a pending subscription and emails a confirmation link
 * in the same transaction. The caller learns nothing about the address: a
 * confirmed, suppressed or just-asked address gets the same answer and no email,
 * so the form can neither probe addresses nor flood a mailbox.
 */
@CommandHandler(SubscribeToNewsletterCommand)
export class SubscribeToNewsletterHandler implements ICommandHandler<SubscribeToNewsletterCommand> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly outbox: MailOutbox,
    private readonly suppressions: SuppressionList,
    private readonly config: AppConfig,
  ) {}

  async execute({ email: given, topics }: SubscribeToNewsletterCommand): Promise<void> {
    const email = normalizeEmail(given);
    if (await this.suppressions.isSuppressed(email)) return;
    const wanted = topics.length > 0 ? topics : NEWSLETTER_TOPIC_IDS;
    await this.uow.run(async (em, events) => {
      let subscriber = await em.findOne(NewsletterSubscriber, { email });
      if (subscriber?.status === 'confirmed') return;
      const lastSent = subscriber?.confirmationSentAt?.getTime() ?? 0;
      if (Date.now() - lastSent < RESEND_AFTER_MS) return;
      subscriber ??= em.create(NewsletterSubscriber, {
        email,
        status: 'pending',
        topics: [],
        requestedTopics: [],
        createdAt: new Date(),
      });
      const { token, hash } = newConfirmationToken();
      subscriber.status = 'pending';
      subscriber.requestedTopics = [...wanted];
      subscriber.confirmationTokenHash = hash;
      subscriber.confirmationSentAt = new Date();
      const link = `${this.config.env.FRONTEND_URL}/newsletter/confirm?token=${token}`;
      const names = NEWSLETTER_TOPICS.filter((t) => wanted.includes(t.id)).map((t) => t.name);
      await this.outbox.queueOnce(
        em,
        [email],
        renderEmail({
          subject: 'Confirm your Career Tools newsletter subscription',
          greeting: 'Hello,',
          paragraphs: [
            `Someone (hopefully you) asked to receive the Career Tools newsletter: ${names.join(', ')}.`,
            'Nothing is sent until you confirm. The link works for 48 hours.',
          ],
          action: { label: 'Confirm my subscription', url: link },
          footer: 'If this was not you, ignore this email: you will not be subscribed.',
        }),
        { template: 'newsletter-confirmation', liveLinks: [link] },
      );
      events.record(new NewsletterConfirmationRequested(subscriber.id, { topics: [...wanted] }));
    });
  }
}
