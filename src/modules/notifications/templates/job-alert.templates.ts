import { defineEmailTemplates, emailTemplate, type EmailBody } from '../../mail';

interface JobAlertData {
  name: string;
  alertName: string;
  jobs: { title: string; company: string; location: string; url: string }[];
  link: string;
  [key: string]: unknown;
}

const SAMPLE: JobAlertData = {
  name: 'Ada',
  alertName: 'Backend engineer, Berlin',
  jobs: [
    {
      title: 'Senior Backend Engineer',
      company: 'ACME',
      location: 'Berlin',
      url: 'https://app.career-tools.example/jobs/1',
    },
    {
      title: 'Platform Engineer',
      company: 'Globex',
      location: 'Remote (EU)',
      url: 'https://app.career-tools.example/jobs/2',
    },
  ],
  link: 'https://app.career-tools.example/jobs/alerts',
};

type Words = {
  subject: (n: number, alert: string) => string;
  preview: (n: number) => string;
  greeting: (name: string) => string;
  intro: (alert: string) => string;
  action: string;
};

const DAILY: Record<'en' | 'de' | 'es' | 'fr', Words> = {
  en: {
    subject: (n, alert) => `${n} new ${n === 1 ? 'job matches' : 'jobs match'} “${alert}”`,
    preview: (n) => `${n} new ${n === 1 ? 'job' : 'jobs'} since yesterday.`,
    greeting: (name) => `Hi ${name},`,
    intro: (alert) => `New jobs for your alert “${alert}” since yesterday:`,
    action: 'See all matches',
  },
  de: {
    subject: (n, alert) => `${n} neue ${n === 1 ? 'Stelle passt' : 'Stellen passen'} zu „${alert}“`,
    preview: (n) => `${n} neue ${n === 1 ? 'Stelle' : 'Stellen'} seit gestern.`,
    greeting: (name) => `Hallo ${name},`,
    intro: (alert) => `Neue Stellen für Ihren Suchauftrag „${alert}“ seit gestern:`,
    action: 'Alle Treffer ansehen',
  },
  es: {
    subject: (n, alert) =>
      `${n} ${n === 1 ? 'oferta nueva coincide' : 'ofertas nuevas coinciden'} con «${alert}»`,
    preview: (n) => `${n} ${n === 1 ? 'oferta nueva' : 'ofertas nuevas'} desde ayer.`,
    greeting: (name) => `Hola, ${name}:`,
    intro: (alert) => `Ofertas nuevas para tu alerta «${alert}» desde ayer:`,
    action: 'Ver todas las ofertas',
  },
  fr: {
    subject: (n, alert) =>
      `${n} ${n === 1 ? 'nouvelle offre correspond' : 'nouvelles offres correspondent'} à « ${alert} »`,
    preview: (n) => `${n} ${n === 1 ? 'nouvelle offre' : 'nouvelles offres'} depuis hier.`,
    greeting: (name) => `Bonjour ${name},`,
    intro: (alert) => `Nouvelles offres pour votre alerte « ${alert} » depuis hier :`,
    action: 'Voir toutes les offres',
  },
};

const WEEKLY: Record<'en' | 'de' | 'es' | 'fr', Pick<Words, 'preview' | 'intro'>> = {
  en: {
    preview: (n) => `${n} new ${n === 1 ? 'job' : 'jobs'} this week.`,
    intro: (alert) => `New jobs for your alert “${alert}” this week:`,
  },
  de: {
    preview: (n) => `${n} neue ${n === 1 ? 'Stelle' : 'Stellen'} diese Woche.`,
    intro: (alert) => `Neue Stellen für Ihren Suchauftrag „${alert}“ diese Woche:`,
  },
  es: {
    preview: (n) => `${n} ${n === 1 ? 'oferta nueva' : 'ofertas nuevas'} esta semana.`,
    intro: (alert) => `Ofertas nuevas para tu alerta «${alert}» esta semana:`,
  },
  fr: {
    preview: (n) => `${n} ${n === 1 ? 'nouvelle offre' : 'nouvelles offres'} cette semaine.`,
    intro: (alert) => `Nouvelles offres pour votre alerte « ${alert} » cette semaine :`,
  },
};

const digest =
  (lang: 'en' | 'de' | 'es' | 'fr', weekly: boolean) =>
  (data: JobAlertData): EmailBody => {
    const words = { ...DAILY[lang], ...(weekly ? WEEKLY[lang] : {}) };
    return {
      subject: words.subject(data.jobs.length, data.alertName),
      preview: words.preview(data.jobs.length),
      greeting: words.greeting(data.name),
      paragraphs: [words.intro(data.alertName)],
      items: data.jobs.map((job) => ({
        title: job.title,
        detail: `${job.company} · ${job.location}`,
        url: job.url,
      })),
      action: { label: words.action, url: data.link },
    };
  };

/** Job-alert digests (the jobs module fills them). Bulk: they carry one-click unsubscribe. */
export const jobAlertEmails = defineEmailTemplates({
  'job-alert-daily': emailTemplate<JobAlertData>({
    description: 'Daily digest of new jobs matching a saved search.',
    bulk: true,
    sample: SAMPLE,
    translations: {
      en: digest('en', false),
      de: digest('de', false),
      es: digest('es', false),
      fr: digest('fr', false),
    },
  }),
  'job-alert-weekly': emailTemplate<JobAlertData>({
    description: 'Weekly digest of new jobs matching a saved search.',
    bulk: true,
    sample: SAMPLE,
    translations: {
      en: digest('en', true),
      de: digest('de', true),
      es: digest('es', true),
      fr: digest('fr', true),
    },
  }),
});
