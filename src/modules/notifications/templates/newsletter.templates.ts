import { defineEmailTemplates, emailTemplate } from '../../mail';

interface NewsletterData {
  name: string;
  title: string;
  intro: string;
  articles: { title: string; summary: string; url: string }[];
  link: string;
  [key: string]: unknown;
}

const greeting = { en: 'Hi', de: 'Hallo', es: 'Hola', fr: 'Bonjour' } as const;
const readMore = {
  en: 'Read on the blog',
  de: 'Im Blog weiterlesen',
  es: 'Seguir leyendo en el blog',
  fr: 'Lire la suite sur le blog',
} as const;

const issue = (lang: keyof typeof greeting) => (data: NewsletterData) => ({
  subject: data.title,
  preview: data.intro,
  greeting: lang === 'es' ? `${greeting[lang]}, ${data.name}:` : `${greeting[lang]} ${data.name},`,
  paragraphs: [data.intro],
  items: data.articles.map((a) => ({ title: a.title, detail: a.summary, url: a.url })),
  action: { label: readMore[lang], url: data.link },
});

/** The newsletter (a campaign's content is written by admins, in one language). Bulk. */
export const newsletterEmails = defineEmailTemplates({
  newsletter: emailTemplate<NewsletterData>({
    description: 'A newsletter issue: an introduction and a list of articles.',
    bulk: true,
    sample: {
      name: 'Ada',
      title: 'Career Tools monthly: salary talks and ATS myths',
      intro:
        'This month: how to talk about salary, and what applicant tracking systems really read.',
      articles: [
        {
          title: 'How to talk about salary',
          summary: 'Five phrases that keep the conversation open.',
          url: 'https://app.career-tools.example/blog/salary-talks',
        },
        {
          title: 'ATS myths',
          summary: 'What parsers read, and what they skip.',
          url: 'https://app.career-tools.example/blog/ats-myths',
        },
      ],
      link: 'https://app.career-tools.example/blog',
    },
    translations: { en: issue('en'), de: issue('de'), es: issue('es'), fr: issue('fr') },
  }),
});
