import { Injectable } from '@nestjs/common';
import type Mjml2Html from 'mjml';
import { AppConfig } from '@lib/config';
import {
  emailLanguage,
  findEmailTemplate,
  type EmailBody,
  type EmailLanguage,
  type EmailTemplateDefinition,
  type RegisteredTemplate,
  type TemplateData,
} from './email-template';
import type { RenderedEmail } from './render-email';

/** A rendered template: both parts, plus what in-app and push notifications show. */
export interface RenderedTemplate extends RenderedEmail {
  template: string;
  language: EmailLanguage;
  preview: string;
  actionUrl?: string;
  /** Headers the message must carry (List-Unsubscribe for bulk mail). */
  headers: Record<string, string>;
}

export interface RenderOptions {
  /** The recipient's language tag; falls back to English. */
  language?: string | null;
  /** Signed one-click unsubscribe URL (bulk and digest mail). */
  unsubscribeUrl?: string;
}

/** Footer strings of the shared layout. */
const LAYOUT: Record<EmailLanguage, { why: string; preferences: string; unsubscribe: string }> = {
  en: {
    why: 'You receive this email because you have a Career Tools account.',
    preferences: 'Notification preferences',
    unsubscribe: 'Unsubscribe',
  },
  de: {
    why: 'Sie erhalten diese E-Mail, weil Sie ein Career-Tools-Konto haben.',
    preferences: 'Benachrichtigungseinstellungen',
    unsubscribe: 'Abmelden',
  },
  es: {
    why: 'Recibes este correo porque tienes una cuenta de Career Tools.',
    preferences: 'Preferencias de notificaciones',
    unsubscribe: 'Darse de baja',
  },
  fr: {
    why: 'Vous recevez cet e-mail parce que vous avez un compte Career Tools.',
    preferences: 'Préférences de notification',
    unsubscribe: 'Se désabonner',
  },
};

const SHELL = (withAction: boolean) => `<mjml lang="xx-lang">
  <mj-head>
    <mj-title>xx-title</mj-title>
    <mj-preview>xx-preview</mj-preview>
    <mj-attributes>
      <mj-all font-family="-apple-system, Segoe UI, Helvetica, Arial, sans-serif" />
      <mj-text font-size="15px" line-height="1.55" color="#1f2933" />
    </mj-attributes>
  </mj-head>
  <mj-body background-color="#f3f4f6">
    <mj-section padding="24px 0 8px">
      <mj-column>
        <mj-image src="xx-logo" alt="Career Tools" width="140px" align="left" />
      </mj-column>
    </mj-section>
    <mj-section background-color="#ffffff" border-radius="8px" padding="8px 0">
      <mj-column>
        <mj-text>xx-body</mj-text>${
          withAction
            ? `
        <mj-button href="xx-action-url" background-color="#2563eb" border-radius="6px" align="left">xx-action-label</mj-button>
        <mj-text font-size="13px" color="#6b7280">xx-after-action</mj-text>`
            : ''
        }
      </mj-column>
    </mj-section>
    <mj-section padding="8px 0 24px">
      <mj-column>
        <mj-text font-size="12px" color="#6b7280">xx-footer</mj-text>
      </mj-column>
    </mj-section>
  </mj-body>
</mjml>`;

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => ENTITIES[c]);

/**
 * Renders registered templates. The MJML layout is compiled once per shape
 * (with and without an action button) into responsive, client-tested HTML;
 * each email then fills the compiled shell with escaped content.
 */
@Injectable()
export class EmailRenderer {
  private readonly shells = new Map<boolean, Promise<string>>();

  constructor(private readonly config: AppConfig) {}

  /** Renders a template by its registration (typed data). */
  render<D extends TemplateData>(
    template: RegisteredTemplate<EmailTemplateDefinition<D>>,
    data: D,
    options: RenderOptions = {},
  ): Promise<RenderedTemplate> {
    return this.renderById(template.id, data, options);
  }

  /** Renders a template by id; unknown ids throw. */
  async renderById(
    id: string,
    data: TemplateData,
    options: RenderOptions = {},
  ): Promise<RenderedTemplate> {
    const definition = findEmailTemplate(id);
    if (!definition) throw new Error(`Unknown email template ${id}`);
    const wanted = emailLanguage(options.language);
    const language = definition.translations[wanted] ? wanted : 'en';
    const write = definition.translations[language] ?? definition.translations.en;
    const body = write(data);
    const unsubscribeUrl = definition.bulk ? options.unsubscribeUrl : undefined;
    const html = await this.html(body, language, unsubscribeUrl);
    const text = this.text(body, language, unsubscribeUrl);
    const headers: Record<string, string> = {};
    if (unsubscribeUrl) {
      headers['List-Unsubscribe'] = `<${unsubscribeUrl}>`;
      headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
    }
    return {
      template: id,
      language,
      subject: body.subject,
      preview: body.preview,
      actionUrl: body.action?.url,
      html,
      text,
      headers,
    };
  }

  private get preferencesUrl(): string {
    return new URL('/settings/notifications', this.config.env.FRONTEND_URL).toString();
  }

  private get logoUrl(): string {
    return (
      this.config.env.MAIL_LOGO_URL ?? new URL('/logo.png', this.config.env.FRONTEND_URL).toString()
    );
  }

  private shell(withAction: boolean): Promise<string> {
    let shell = this.shells.get(withAction);
    if (!shell) {
      shell = mjml()(SHELL(withAction), { validationLevel: 'strict' }).then((result) => {
        if (result.errors.length > 0) {
          throw new Error(`Email layout is invalid MJML: ${JSON.stringify(result.errors)}`);
        }
        return result.html;
      });
      this.shells.set(withAction, shell);
    }
    return shell;
  }

  private async html(
    body: EmailBody,
    language: EmailLanguage,
    unsubscribeUrl: string | undefined,
  ): Promise<string> {
    const parts: string[] = [];
    if (body.greeting) parts.push(`<p>${escapeHtml(body.greeting)}</p>`);
    for (const paragraph of body.paragraphs) parts.push(`<p>${escapeHtml(paragraph)}</p>`);
    if (body.items?.length) {
      parts.push(
        '<ul style="padding-left:18px">' +
          body.items
            .map((item) => {
              const title = item.url
                ? `<a href="${escapeHtml(item.url)}" style="color:#2563eb">${escapeHtml(item.title)}</a>`
                : escapeHtml(item.title);
              const detail = item.detail
                ? `<br><span style="color:#6b7280">${escapeHtml(item.detail)}</span>`
                : '';
              return `<li style="margin-bottom:8px">${title}${detail}</li>`;
            })
            .join('') +
          '</ul>',
      );
    }
    if (body.rows?.length) {
      parts.push(
        '<table role="presentation" style="width:100%;border-collapse:collapse">' +
          body.rows
            .map(
              ([label, value]) =>
                `<tr><td style="padding:4px 0;color:#6b7280">${escapeHtml(label)}</td>` +
                `<td style="padding:4px 0;text-align:right">${escapeHtml(value)}</td></tr>`,
            )
            .join('') +
          '</table>',
      );
    }
    if (!body.action && body.note) {
      parts.push(`<p style="font-size:13px;color:#6b7280">${escapeHtml(body.note)}</p>`);
    }
    return this.fill(await this.shell(!!body.action), {
      'xx-lang': language,
      'xx-title': escapeHtml(body.subject),
      'xx-preview': escapeHtml(body.preview),
      'xx-body': parts.join(''),
      'xx-action-url': escapeHtml(body.action?.url ?? ''),
      'xx-action-label': escapeHtml(body.action?.label ?? ''),
      'xx-after-action': escapeHtml(body.note ?? ''),
      'xx-footer': this.footer(language, unsubscribeUrl),
    });
  }

  /**
   * The shared layout (logo, footer with the postal address, preferences and
   * unsubscribe links) around HTML the caller made safe already: a newsletter
   * campaign's sanitized Markdown. `why` replaces the footer's first line.
   */
  async layout(content: {
    subject: string;
    preview: string;
    bodyHtml: string;
    why: string;
    language?: string | null;
    unsubscribeUrl?: string;
  }): Promise<string> {
    const language = emailLanguage(content.language);
    return this.fill(await this.shell(false), {
      'xx-lang': language,
      'xx-title': escapeHtml(content.subject),
      'xx-preview': escapeHtml(content.preview),
      'xx-body': content.bodyHtml,
      'xx-footer': this.footer(language, content.unsubscribeUrl, content.why),
    });
  }

  private footer(language: EmailLanguage, unsubscribeUrl?: string, why?: string): string {
    const words = LAYOUT[language];
    return [
      escapeHtml(why ?? words.why),
      escapeHtml(this.config.env.MAIL_POSTAL_ADDRESS),
      `<a href="${escapeHtml(this.preferencesUrl)}" style="color:#6b7280">${escapeHtml(words.preferences)}</a>` +
        (unsubscribeUrl
          ? ` · <a href="${escapeHtml(unsubscribeUrl)}" style="color:#6b7280">${escapeHtml(words.unsubscribe)}</a>`
          : ''),
    ].join('<br>');
  }

  /** One pass, so content that happens to contain an `xx-` token is never substituted again. */
  private fill(shell: string, values: Record<string, string>): string {
    const all: Record<string, string> = { 'xx-logo': escapeHtml(this.logoUrl), ...values };
    return shell.replace(
      /xx-(?:lang|title|preview|logo|body|action-url|action-label|after-action|footer)/g,
      (key) => all[key] ?? '',
    );
  }

  private text(
    body: EmailBody,
    language: EmailLanguage,
    unsubscribeUrl: string | undefined,
  ): string {
    const words = LAYOUT[language];
    const blocks: string[] = [];
    if (body.greeting) blocks.push(body.greeting);
    blocks.push(...body.paragraphs);
    if (body.items?.length) {
      blocks.push(
        body.items
          .map((item) =>
            [
              `- ${item.title}`,
              item.detail ? `  ${item.detail}` : '',
              item.url ? `  ${item.url}` : '',
            ]
              .filter(Boolean)
              .join('\n'),
          )
          .join('\n'),
      );
    }
    if (body.rows?.length) blocks.push(body.rows.map(([l, v]) => `${l}: ${v}`).join('\n'));
    if (body.action) blocks.push(`${body.action.label}: ${body.action.url}`);
    if (body.note) blocks.push(body.note);
    const footer = [
      '--',
      words.why,
      this.config.env.MAIL_POSTAL_ADDRESS,
      `${words.preferences}: ${this.preferencesUrl}`,
      ...(unsubscribeUrl ? [`${words.unsubscribe}: ${unsubscribeUrl}`] : []),
    ];
    blocks.push(footer.join('\n'));
    return blocks.join('\n\n');
  }
}

let loaded: typeof Mjml2Html | undefined;

/** MJML (about 58 MiB and half a second to load): loaded on the first email rather than at boot. */
function mjml(): typeof Mjml2Html {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- deferred until first use
  return (loaded ??= require('mjml') as typeof Mjml2Html);
}
