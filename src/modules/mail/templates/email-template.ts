/**
 * Email templates: a module defines its templates (content per language) with
 * `defineEmailTemplates`; `EmailRenderer` renders them into the shared MJML
 * layout (HTML) and a matching plain-text part.
 */

/** Languages emails are written in; anything else falls back to English. */
export const EMAIL_LANGUAGES = ['en', 'de', 'es', 'fr'] as const;
export type EmailLanguage = (typeof EMAIL_LANGUAGES)[number];

/** What one template says in one language. Every string is plain text (escaped on render). */
export interface EmailBody {
  subject: string;
  /** Preheader; also the short text of the in-app and push notification. */
  preview: string;
  greeting?: string;
  paragraphs: string[];
  /** A list of linked items (digests). */
  items?: { title: string; url?: string; detail?: string }[];
  /** A two-column table (receipts). */
  rows?: [string, string][];
  action?: { label: string; url: string };
  /** Small print under the action. */
  note?: string;
}

/** Template data values a sample or a caller may pass. */
export type TemplateData = Record<string, unknown>;

export interface EmailTemplateDefinition<D extends TemplateData = TemplateData> {
  description: string;
  /**
   * Bulk or digest mail (job alerts, newsletter): it carries List-Unsubscribe
   * and List-Unsubscribe-Post (RFC 8058) when the sender passes an unsubscribe URL.
   */
  bulk?: boolean;
  /** Data the admin preview and the tests render with. */
  sample: D;
  translations: { en: (data: D) => EmailBody } & Partial<
    Record<Exclude<EmailLanguage, 'en'>, (data: D) => EmailBody>
  >;
}

const registry = new Map<string, EmailTemplateDefinition>();

/** Types a template's data by its definition. */
export function emailTemplate<D extends TemplateData>(
  definition: EmailTemplateDefinition<D>,
): EmailTemplateDefinition<D> {
  return definition;
}

/**
 * Registers a module's templates under their ids (unique across modules) and
 * returns them, so the module can pass them to `EmailRenderer.render` typed.
 */
export function defineEmailTemplates<T extends Record<string, AnyTemplate>>(
  templates: T,
): { [K in keyof T]: RegisteredTemplate<T[K]> } {
  const out: Record<string, RegisteredTemplate<AnyTemplate>> = {};
  for (const [id, definition] of Object.entries(templates)) {
    const existing = registry.get(id);
    if (existing && existing !== (definition as unknown)) {
      throw new Error(`Email template ${id} is defined twice`);
    }
    registry.set(id, definition as unknown as EmailTemplateDefinition);
    out[id] = { id, definition };
  }
  return out as { [K in keyof T]: RegisteredTemplate<T[K]> };
}

/** Any template definition, whatever its data type. */
interface AnyTemplate {
  description: string;
  bulk?: boolean;
  sample: unknown;
  translations: { en: (data: never) => EmailBody };
}

export interface RegisteredTemplate<T> {
  id: string;
  definition: T;
}

export type DataOf<T> = T extends RegisteredTemplate<EmailTemplateDefinition<infer D>> ? D : never;

/** Every registered template, by id (sorted). */
export function emailTemplates(): [string, EmailTemplateDefinition][] {
  return [...registry.entries()].sort(([a], [b]) => a.localeCompare(b));
}

export function findEmailTemplate(id: string): EmailTemplateDefinition | undefined {
  return registry.get(id);
}

/** The language to write in for a user's language tag (e.g. `de-AT` → `de`; unknown → `en`). */
export function emailLanguage(tag: string | null | undefined): EmailLanguage {
  const base = (tag ?? 'en').toLowerCase().split('-')[0];
  return (EMAIL_LANGUAGES as readonly string[]).includes(base) ? (base as EmailLanguage) : 'en';
}

/** The languages a template is written in. */
export function languagesOf(definition: EmailTemplateDefinition): EmailLanguage[] {
  return EMAIL_LANGUAGES.filter((lang) => definition.translations[lang]);
}
