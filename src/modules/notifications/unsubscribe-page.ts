import type { EmailLanguage } from '../mail';
import type { NotificationCategory } from './notification-types';

interface PageText {
  title: string;
  question: string;
  explain: (category: string) => string;
  button: string;
  categories: Record<NotificationCategory, string>;
}

const TEXT: Record<EmailLanguage, PageText> = {
  en: {
    title: 'Unsubscribe',
    question: 'Unsubscribe?',
    explain: (c) =>
      `You will no longer get <strong>${c}</strong> emails from Career Tools. Other email (such as security alerts) is not affected.`,
    button: 'Unsubscribe',
    categories: {
      security: 'security',
      account: 'account',
      billing: 'billing',
      jobAlerts: 'job alert',
      social: 'social',
      teams: 'team',
      product: 'product news',
      newsletter: 'newsletter',
    },
  },
  de: {
    title: 'Abmelden',
    question: 'Abmelden?',
    explain: (c) =>
      `Sie erhalten keine E-Mails der Art <strong>${c}</strong> mehr von Career Tools. Andere E-Mails (etwa Sicherheitswarnungen) sind nicht betroffen.`,
    button: 'Abmelden',
    categories: {
      security: 'Sicherheit',
      account: 'Konto',
      billing: 'Abrechnung',
      jobAlerts: 'Job-Alarm',
      social: 'Soziales',
      teams: 'Team',
      product: 'Produktneuigkeiten',
      newsletter: 'Newsletter',
    },
  },
  es: {
    title: 'Darse de baja',
    question: '¿Darse de baja?',
    explain: (c) =>
      `Ya no recibirás correos de <strong>${c}</strong> de Career Tools. Los demás correos (como las alertas de seguridad) no cambian.`,
    button: 'Darse de baja',
    categories: {
      security: 'seguridad',
      account: 'cuenta',
      billing: 'facturación',
      jobAlerts: 'alertas de empleo',
      social: 'actividad social',
      teams: 'equipo',
      product: 'novedades del producto',
      newsletter: 'boletín',
    },
  },
  fr: {
    title: 'Se désabonner',
    question: 'Se désabonner ?',
    explain: (c) =>
      `Vous ne recevrez plus d’e-mails <strong>${c}</strong> de Career Tools. Les autres e-mails (comme les alertes de sécurité) ne changent pas.`,
    button: 'Se désabonner',
    categories: {
      security: 'de sécurité',
      account: 'de compte',
      billing: 'de facturation',
      jobAlerts: 'd’alertes emploi',
      social: 'sociaux',
      teams: 'd’équipe',
      product: 'de nouveautés produit',
      newsletter: 'de newsletter',
    },
  },
};

/** The confirmation page of an unsubscribe link, in the user's language; its button POSTs to `action`. */
export function unsubscribePage(
  category: NotificationCategory,
  language: EmailLanguage,
  action: string,
): string {
  const text = TEXT[language];
  return (
    `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><title>${text.title}</title>` +
    '<meta name="viewport" content="width=device-width, initial-scale=1"></head><body>' +
    `<h1>${text.question}</h1><p>${text.explain(text.categories[category])}</p>` +
    `<form method="post" action="${action}"><input type="hidden" name="List-Unsubscribe" value="One-Click">` +
    `<button type="submit">${text.button}</button></form></body></html>`
  );
}
