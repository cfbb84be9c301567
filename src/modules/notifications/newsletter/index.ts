export { NewsletterModule } from './newsletter.module';
export { NewsletterCampaign, type CampaignStatus } from './entities/newsletter-campaign.entity';
export {
  NewsletterCampaignRecipient,
  type RecipientState,
} from './entities/newsletter-campaign-recipient.entity';
export {
  NewsletterSubscriber,
  type NewsletterStatus,
} from './entities/newsletter-subscriber.entity';
export {
  NewsletterConfirmationRequested,
  NewsletterSubscriptionConfirmed,
} from './events/newsletter.events';
export { NEWSLETTER_TOPICS, NEWSLETTER_TOPIC_IDS, type NewsletterTopic } from './newsletter-topics';
export { newsletterProblems } from './newsletter.problems';
