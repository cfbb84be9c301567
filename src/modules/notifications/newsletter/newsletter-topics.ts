/** The newsletter topics a visitor can choose; a subscription without a choice gets all of them. */
export const NEWSLETTER_TOPICS = [
  { id: 'product-news', name: 'Product news', description: 'New features of Career Tools.' },
  { id: 'career-tips', name: 'Career tips', description: 'CV, cover letter and interview advice.' },
  { id: 'job-market', name: 'Job market', description: 'Hiring trends and salary reports.' },
] as const;

export type NewsletterTopic = (typeof NEWSLETTER_TOPICS)[number]['id'];
export const NEWSLETTER_TOPIC_IDS: NewsletterTopic[] = NEWSLETTER_TOPICS.map((t) => t.id);

/** How long a confirmation link works. */
export const CONFIRMATION_TTL_MS = 48 * 3600_000;
