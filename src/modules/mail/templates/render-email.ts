/** The content of a transactional email; rendered into matching HTML and plain-text parts. */
export interface EmailContent {
  subject: string;
  greeting: string;
  paragraphs: string[];
  action?: { label: string; url: string };
  footer?: string;
}

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** One layout for every email; user-supplied values are escaped. */
export function renderEmail(content: EmailContent): RenderedEmail {
  const action = content.action;
  const html = [
    '<!doctype html><html><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#1f2933">',
    `<p>${escapeHtml(content.greeting)}</p>`,
    ...content.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
    action
      ? `<p><a href="${escapeHtml(action.url)}" style="background:#2563eb;color:#fff;padding:10px 16px;border-radius:6px;text-decoration:none">${escapeHtml(action.label)}</a></p>`
      : '',
    content.footer
      ? `<p style="color:#6b7280;font-size:13px">${escapeHtml(content.footer)}</p>`
      : '',
    '<p style="color:#6b7280;font-size:13px">Career Tools</p></body></html>',
  ].join('');
  const text = [
    content.greeting,
    ...content.paragraphs,
    action ? `${action.label}: ${action.url}` : '',
    content.footer ?? '',
    '— Career Tools',
  ]
    .filter(Boolean)
    .join('\n\n');
  return { subject: content.subject, html, text };
}
