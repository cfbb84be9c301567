import { LocalAiWriter } from './local.driver';

const writer = new LocalAiWriter();

const LOCAL_META = {
  provider: 'local',
  model: 'rules-v1',
  usage: { promptTokens: 0, completionTokens: 0 },
};

describe('local AI writer', () => {
  describe('enhanceSection', () => {
    const items = [
      {
        id: 'w1',
        fields: {
          name: 'Responsible Widgets Ltd',
          summary: 'Responsible for managing a very large team of engineers.',
          highlights: [
            'Worked on the basically new billing system',
            'Helped implement CI/CD in order to ship faster',
            'Helped with the migration to AWS',
            'Cut cloud costs by 30%',
            'Was in charge of hiring',
          ],
        },
      },
    ];

    it('replaces weak openings with action verbs, removes filler and flags missing numbers', async () => {
      const result = await writer.enhanceSection({ section: 'work', items });

      expect(result).toMatchObject(LOCAL_META);
      expect(result.suggestions.map(({ field, suggested }) => [field, suggested])).toEqual([
        ['summary', 'Managed a large team of engineers.'],
        ['highlights/0', 'Built the new billing system'],
        ['highlights/1', 'Implemented CI/CD to ship faster'],
        ['highlights/2', 'Supported the migration to AWS'],
        ['highlights/4', 'Led hiring'],
      ]);
      const [summary] = result.suggestions;
      expect(summary).toEqual({
        itemId: 'w1',
        field: 'summary',
        original: 'Responsible for managing a very large team of engineers.',
        suggested: 'Managed a large team of engineers.',
        reasons: [
          'Starts with an action verb instead of "responsible for"',
          'Removed filler words: very',
          'Add a measurable result (a number, percentage or amount)',
        ],
      });
    });

    it('leaves names alone and a bullet with a number and a strong verb without suggestion', async () => {
      const result = await writer.enhanceSection({ section: 'work', items });
      const fields = result.suggestions.map((s) => s.field);
      expect(fields).not.toContain('name');
      expect(fields).not.toContain('highlights/3');
    });

    it('flags a missing number even when nothing can be rewritten', async () => {
      const result = await writer.enhanceSection({
        section: 'projects',
        items: [{ id: 'p1', text: 'Designed the onboarding flow' }],
      });
      expect(result.suggestions).toEqual([
        {
          itemId: 'p1',
          field: 'text',
          original: 'Designed the onboarding flow',
          suggested: 'Designed the onboarding flow',
          reasons: ['Add a measurable result (a number, percentage or amount)'],
        },
      ]);
    });

    it('does not ask for numbers outside achievement sections, nor rewrite other languages', async () => {
      const basics = await writer.enhanceSection({
        section: 'basics',
        items: [{ fields: { summary: 'Engineer who builds reliable systems' } }],
      });
      expect(basics.suggestions).toEqual([]);

      const german = await writer.enhanceSection({
        section: 'work',
        language: 'de',
        items: [{ id: 'w1', text: 'Responsible for really wichtige Projekte seit 2019' }],
      });
      expect(german.suggestions).toEqual([]);
    });

    it('answers the same input with the same output', async () => {
      const first = await writer.enhanceSection({ section: 'work', items });
      const second = await writer.enhanceSection({ section: 'work', items });
      expect(second).toEqual(first);
    });
  });

  describe('suggestSkills', () => {
    it('suggests Software Engineer skills for a senior title, leaving out what the CV has', async () => {
      const result = await writer.suggestSkills({
        jobTitle: 'Senior Software Engineer',
        existingSkills: ['git', 'System design'],
      });

      expect(result).toMatchObject(LOCAL_META);
      const names = result.skills.map((s) => s.name);
      expect(names).toHaveLength(10);
      expect(names).toEqual(
        expect.arrayContaining(['Data Structures and Algorithms', 'Automated Testing', 'Docker']),
      );
      expect(names).not.toContain('Git');
      expect(names).not.toContain('System Design');
      expect(result.skills[0]).toEqual({
        name: 'Data Structures and Algorithms',
        category: 'technical',
        reason: 'Common in Software Engineer job ads',
      });
      expect(new Set(result.skills.map((s) => s.category))).toEqual(
        new Set(['technical', 'tool', 'soft']),
      );
    });

    it('matches titles by their words: abbreviations, aliases, specific words over generic ones', async () => {
      const titleOf = async (jobTitle: string) =>
        (await writer.suggestSkills({ jobTitle, existingSkills: [], limit: 1 })).skills[0]?.reason;
      expect(await titleOf('Fullstack dev')).toBe('Common in Full Stack Developer job ads');
      expect(await titleOf('Sales Manager')).toBe('Common in Sales Representative job ads');
      expect(await titleOf('Jr. QA Tester')).toBe('Common in QA Engineer job ads');
      expect(await titleOf('Registered Nurse (ICU)')).toBe('Common in Registered Nurse job ads');
    });

    it('finds the title in the CV text, and falls back to general skills', async () => {
      const fromCv = await writer.suggestSkills({
        cvText: 'Ada Lovelace\nData Scientist at ACME\nPython, SQL',
        existingSkills: ['Python', 'SQL'],
      });
      expect(fromCv.skills[0].reason).toBe('Common in Data Scientist job ads');
      expect(fromCv.skills.map((s) => s.name)).not.toContain('Python');

      const unknown = await writer.suggestSkills({
        jobTitle: 'Astronaut',
        existingSkills: [],
        limit: 3,
      });
      expect(unknown.skills.map((s) => s.name)).toEqual([
        'Microsoft Office',
        'Data Analysis',
        'Google Workspace',
      ]);
    });
  });

  describe('writeCoverLetter', () => {
    const input = {
      applicantName: 'Ada Lovelace',
      headline: 'Backend engineer',
      summary: 'Backend engineer with 8 years of experience building APIs.',
      experience: [
        {
          role: 'Senior Engineer',
          organization: 'Analytical Engines',
          highlights: ['Built the payments API serving 2M requests a day', 'Led a team of 5'],
        },
      ],
      skills: ['Node.js', 'PostgreSQL', 'Kubernetes', 'TypeScript'],
      jobDescription:
        'ACME is looking for a Backend Engineer. You will build Node.js services with TypeScript ' +
        'and PostgreSQL. Experience with Kafka is a plus. Node.js, TypeScript and PostgreSQL daily; Kafka too.',
      jobTitle: 'Backend Engineer',
      company: 'ACME',
      tone: 'professional' as const,
    };

    it('fills the template with the company, the latest role and the job keywords the CV backs up', async () => {
      const result = await writer.writeCoverLetter(input);

      expect(result).toMatchObject(LOCAL_META);
      expect(result.subject).toBe('Application for Backend Engineer at ACME – Ada Lovelace');
      const paragraphs = result.body.split('\n\n');
      expect(paragraphs[0]).toBe('Dear ACME Hiring Team,');
      expect(paragraphs[1]).toBe(
        'I am writing to apply for the Backend Engineer role at ACME. As a Backend engineer, ' +
          'I believe my background is a strong match for this role.',
      );
      expect(result.body).toContain(
        'In my most recent role as Senior Engineer at Analytical Engines, I built the payments API',
      );
      expect(result.body).toMatch(/hands-on experience with Node\.js, TypeScript and PostgreSQL/);
      expect(result.body).toMatch(/keen to deepen my work with Kafka/);
      expect(paragraphs.at(-1)).toBe('Kind regards,\nAda Lovelace');
    });

    it('changes greeting and sign-off with the tone, deterministically', async () => {
      const formal = await writer.writeCoverLetter({ ...input, tone: 'formal' });
      expect(formal.body.startsWith('Dear Sir or Madam,')).toBe(true);
      expect(formal.body.endsWith('Yours faithfully,\nAda Lovelace')).toBe(true);
      expect(await writer.writeCoverLetter({ ...input, tone: 'formal' })).toEqual(formal);
    });
  });

  describe('parseCvText', () => {
    const ENGLISH_CV = [
      'Ada Lovelace',
      'Senior Backend Engineer',
      'London, UK',
      'ada@example.com | +44 20 7946 0958 | linkedin.com/in/ada-lovelace | https://ada.dev',
      '',
      'Summary',
      'Backend engineer with 8 years of experience building APIs.',
      '',
      'Experience',
      'Senior Engineer | Analytical Engines Ltd',
      'March 2021 – Present',
      '• Built the payments API serving 2M requests a day',
      '• Led a team of 5 engineers across two',
      'time zones.',
      'Software Engineer at Babbage & Co, London',
      '2016 - 02/2021',
      '- Migrated the monolith to services',
      '',
      'EDUCATION',
      'University of London',
      'BSc in Computer Science, 2012 – 2015',
      '',
      'Skills:',
      'Languages: TypeScript, Go, SQL',
      'Docker, Kubernetes, PostgreSQL',
      '',
      'Languages',
      'English (native), French – B2',
      '',
      'Certifications',
      'AWS Certified Solutions Architect – Amazon Web Services (2022)',
    ].join('\n');

    it('reads contact details, sections, entries and date ranges of an English CV', async () => {
      const result = await writer.parseCvText(ENGLISH_CV);

      expect(result).toMatchObject(LOCAL_META);
      expect(result.resume).toEqual({
        basics: {
          name: 'Ada Lovelace',
          label: 'Senior Backend Engineer',
          email: 'ada@example.com',
          phone: '+44 20 7946 0958',
          url: 'https://ada.dev',
          location: { city: 'London', countryCode: 'UK' },
          profiles: [
            {
              network: 'LinkedIn',
              username: 'ada-lovelace',
              url: 'https://linkedin.com/in/ada-lovelace',
            },
          ],
          summary: 'Backend engineer with 8 years of experience building APIs.',
        },
        work: [
          {
            position: 'Senior Engineer',
            name: 'Analytical Engines Ltd',
            startDate: '2021-03',
            highlights: [
              'Built the payments API serving 2M requests a day',
              'Led a team of 5 engineers across two time zones.',
            ],
          },
          {
            position: 'Software Engineer',
            name: 'Babbage & Co',
            location: 'London',
            startDate: '2016',
            endDate: '2021-02',
            highlights: ['Migrated the monolith to services'],
          },
        ],
        education: [
          {
            institution: 'University of London',
            studyType: 'BSc',
            area: 'Computer Science',
            startDate: '2012',
            endDate: '2015',
          },
        ],
        skills: [
          { name: 'Languages', keywords: ['TypeScript', 'Go', 'SQL'] },
          { name: 'Docker' },
          { name: 'Kubernetes' },
          { name: 'PostgreSQL' },
        ],
        languages: [
          { language: 'English', fluency: 'native' },
          { language: 'French', fluency: 'B2' },
        ],
        certificates: [
          {
            name: 'AWS Certified Solutions Architect',
            issuer: 'Amazon Web Services',
            date: '2022',
          },
        ],
      });
    });

    it('recognises German and Spanish headings and dates', async () => {
      const german = await writer.parseCvText(
        [
          'Max Mustermann',
          'max@beispiel.de',
          '+49 30 1234567',
          'Berufserfahrung',
          'Softwareentwickler, Beispiel GmbH',
          '01/2019 - heute',
          '- Entwicklung von Microservices',
          'Ausbildung',
          'Technische Universität Berlin',
          'Master of Science in Informatik',
          '2014 - 2018',
          'Sprachen',
          'Deutsch (Muttersprache), Englisch (C1)',
        ].join('\n'),
      );
      expect(german.resume.work).toEqual([
        {
          position: 'Softwareentwickler',
          name: 'Beispiel GmbH',
          startDate: '2019-01',
          highlights: ['Entwicklung von Microservices'],
        },
      ]);
      expect(german.resume.education).toEqual([
        {
          institution: 'Technische Universität Berlin',
          studyType: 'Master of Science',
          area: 'Informatik',
          startDate: '2014',
          endDate: '2018',
        },
      ]);
      expect(german.resume.languages).toEqual([
        { language: 'Deutsch', fluency: 'Muttersprache' },
        { language: 'Englisch', fluency: 'C1' },
      ]);

      const spanish = await writer.parseCvText(
        [
          'Lucía Pérez',
          'Experiencia profesional',
          'Diseñadora — Estudio Sol',
          'Enero 2020 - Actualidad',
          'Habilidades',
          'Figma, Sketch',
        ].join('\n'),
      );
      expect(spanish.resume.basics).toEqual({ name: 'Lucía Pérez' });
      expect(spanish.resume.work).toEqual([
        { position: 'Diseñadora', name: 'Estudio Sol', startDate: '2020-01' },
      ]);
      expect(spanish.resume.skills).toEqual([{ name: 'Figma' }, { name: 'Sketch' }]);
    });

    it('answers the same text with the same draft', async () => {
      expect(await writer.parseCvText(ENGLISH_CV)).toEqual(await writer.parseCvText(ENGLISH_CV));
    });
  });
});
