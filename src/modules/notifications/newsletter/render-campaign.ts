import MarkdownIt from 'markdown-it';
import type { NewsletterCampaign } from './entities/newsletter-campaign.entity';
import { NEWSLETTER_TOPICS } from './newsletter-topics';

/** Raw HTML is escaped and only http(s)/mailto links survive (markdown-it's link validation). */
const markdown = new MarkdownIt({ html: false, linkify: true, typographer: true });

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** What every recipient's copy shares: rendered once per campaign, not once per email. */
export interface CampaignParts {
  subject: string;
  bodyHtml: string;
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
    footer: `You receive this because you subscribed to “${topic}” from Career Tools.`,
  };
}

/** One recipient's HTML and text parts; the unsubscribe link is theirs (none in previews). */
export function campaignEmail(
  parts: CampaignParts,
  unsubscribeUrl?: string,
): { subject: string; html: string; text: string } {
  const unsubscribeHtml = unsubscribeUrl
    ? ` <a href="${escapeHtml(unsubscribeUrl)}">Unsubscribe</a>`
    : '';
  const html = [
    '<!doctype html><html><head><meta charset="utf-8"><title>',
    escapeHtml(parts.subject),
    '</title></head><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#1f2933;max-width:640px;margin:auto">',
    parts.bodyHtml,
    `<p style="color:#6b7280;font-size:13px">${escapeHtml(parts.footer)}${unsubscribeHtml}</p>`,
    '</body></html>',
  ].join('');
  const unsubscribeText = unsubscribeUrl ? `\nUnsubscribe: ${unsubscribeUrl}` : '';
  const text = `${parts.markdown}\n\n— ${parts.footer}${unsubscribeText}\n`;
  return { subject: parts.subject, html, text };
}

/** The HTML and plain-text parts of a campaign (the Markdown source is its text part). */
export function renderCampaign(
  campaign: Pick<NewsletterCampaign, 'subject' | 'markdown' | 'topic'>,
): { subject: string; html: string; text: string } {
  return campaignEmail(campaignParts(campaign));
}
