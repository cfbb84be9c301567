import { z } from 'zod';

/**
 * Response schemas for OpenAI structured output (strict JSON schema): every
 * property required, optional ones nullable. The same schemas validate answers.
 */
export const enhanceAnswer = z.object({
  suggestions: z.array(
    z.object({
      ref: z.string().describe('The ref of the text this suggestion rewrites'),
      suggested: z.string().describe('The improved text; unchanged if only advice applies'),
      reasons: z.array(z.string()).describe('Short reasons, one per change or piece of advice'),
    }),
  ),
});

export const skillsAnswer = z.object({
  skills: z.array(
    z.object({
      name: z.string(),
      category: z.enum(['technical', 'tool', 'soft', 'domain', 'language']).nullable(),
      reason: z.string().nullable(),
    }),
  ),
});

export const coverLetterAnswer = z.object({
  subject: z.string().nullable(),
  paragraphs: z
    .array(z.string())
    .describe('Greeting, body paragraphs, and sign-off with the applicant name, in order'),
});

const text = z.string().nullable();
const date = z.string().nullable().describe('YYYY, YYYY-MM or YYYY-MM-DD');
const texts = z.array(z.string()).nullable();

export const parseAnswer = z.object({
  basics: z
    .object({
      name: text,
      label: text,
      email: text,
      phone: text,
      url: text,
      summary: text,
      location: z.object({ city: text, region: text, countryCode: text }).nullable(),
      profiles: z.array(z.object({ network: text, username: text, url: text })).nullable(),
    })
    .nullable(),
  work: z
    .array(
      z.object({
        name: text,
        position: text,
        location: text,
        startDate: date,
        endDate: date,
        summary: text,
        highlights: texts,
      }),
    )
    .nullable(),
  education: z
    .array(
      z.object({ institution: text, area: text, studyType: text, startDate: date, endDate: date }),
    )
    .nullable(),
  skills: z.array(z.object({ name: z.string(), keywords: texts })).nullable(),
  languages: z.array(z.object({ language: z.string(), fluency: text })).nullable(),
  projects: z
    .array(
      z.object({
        name: text,
        description: text,
        url: text,
        startDate: date,
        endDate: date,
        highlights: texts,
      }),
    )
    .nullable(),
  certificates: z.array(z.object({ name: z.string(), date, issuer: text })).nullable(),
  interests: z.array(z.object({ name: z.string() })).nullable(),
});
