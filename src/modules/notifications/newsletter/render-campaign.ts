import MarkdownIt from 'markdown-it';
import type { EmailRenderer } from '../../mail';
import type { NewsletterCampaign } from './entities/newsletter-campaign.entity';
import { NEWSLETTER_TOPICS } from './newsletter-topics';

/** Raw HTML is escaped and only http(s)/mailto links survive (markdown-it's link validation). */
const markdown = new MarkdownIt({ html: false, linkify: true, typographer: true });

/** What every recipient's copy shares: rendered once per campaign, not once per email. */
export interface CampaignParts {
  subject: string;
  bodyHtml: string;
  /** The inbox preview line: the start of the text. */
  preview: string;
  markdown: string;
  footer: string;
}

export function campaignParts(
  campaign: Pick<NewsletterCampaign, 'subject' | 'markdown' | 'topic'>,
): CampaignParts {
  const topic = NEWSLETTER_TOPICS.find((t) => t.id === campaign.topic)?.name ?? campaign.topic;
  return {
    subject: campaign.subject,
    bodyHtml: markdown.render(campaign.markdown),
    markdown: campaign.markdown.trim(),
    preview: previewOf(campaign.markdown),
    footer: `You receive this because you subscribed to “${topic}” from Career Tools.`,
  };
}

/**
 * One recipient's HTML and text parts; the unsubscribe link is theirs (none in
 * previews). The HTML is the shared MJML layout of every email around the
 * campaign's sanitized Markdown.
 */
export async function campaignEmail(
  renderer: EmailRenderer,
  parts: CampaignParts,
  unsubscribeUrl?: string,
): Promise<{ subject: string; html: string; text: string }> {
  const html = await renderer.layout({
    subject: parts.subject,
    preview: parts.preview,
    bodyHtml: parts.bodyHtml,
    why: parts.footer,
    unsubscribeUrl,
  });
  const unsubscribeText = unsubscribeUrl ? `\nUnsubscribe: ${unsubscribeUrl}` : '';
  const text = `${parts.markdown}\n\n— ${parts.footer}${unsubscribeText}\n`;
  return { subject: parts.subject, html, text };
}

/** The HTML and plain-text parts of a campaign (the Markdown source is its text part). */
export function renderCampaign(
  renderer: EmailRenderer,
  campaign: Pick<NewsletterCampaign, 'subject' | 'markdown' | 'topic'>,
): Promise<{ subject: string; html: string; text: string }> {
  return campaignEmail(renderer, campaignParts(campaign));
}

/** The first 120 characters of the Markdown as plain words, for the inbox preview line. */
function previewOf(source: string): string {
  const words = source
    .replace(/[#>*_`~[\]()!|-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return words.length > 120 ? `${words.slice(0, 119)}…` : words;
}
