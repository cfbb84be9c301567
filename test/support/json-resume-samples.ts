import officialSample from '@jsonresume/schema/sample.resume.json';

/** JSON Resume documents that must survive import → export unchanged. */
export const JSON_RESUME_SAMPLES: Record<string, Record<string, unknown>> = {
  'the official sample': officialSample,

  'every section, partial dates and unknown properties at every level': {
    $schema: 'https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json',
    basics: {
      name: 'Grace Hopper',
      label: 'Rear Admiral, computer scientist',
      image: 'https://example.com/grace.png',
      email: 'grace@example.com',
      phone: '+1 (555) 010-1906',
      url: 'https://example.com/grace',
      summary: 'Invented the first compiler.\nMade COBOL happen.',
      location: {
        address: '1 Navy Yard\nSuite 5',
        postalCode: '20374',
        city: 'Washington',
        countryCode: 'US',
        region: 'DC',
        'x-timezone': 'America/New_York',
      },
      profiles: [
        {
          network: 'GitHub',
          username: 'ghopper',
          url: 'https://github.com/ghopper',
          verified: true,
        },
      ],
      pronouns: 'she/her',
    },
    work: [
      {
        name: 'US Navy',
        location: 'Arlington, VA',
        description: 'Navy',
        position: 'Rear Admiral',
        url: 'https://navy.mil',
        startDate: '1943',
        endDate: '1986-08',
        summary: 'Led software standards.',
        highlights: ['Standardised COBOL', 'Found the first bug (a moth)'],
        teamSize: 40,
        stack: { languages: ['COBOL', 'FLOW-MATIC'], onCall: false, rating: 4.5, notes: null },
      },
      { name: 'Remington Rand', position: 'Senior Mathematician', startDate: '1949-01-01' },
    ],
    volunteer: [
      {
        organization: 'ACM',
        position: 'Speaker',
        url: 'https://acm.org',
        startDate: '1960-05',
        summary: 'Nanosecond talks',
        highlights: ['Handed out nanoseconds'],
      },
    ],
    education: [
      {
        institution: 'Yale University',
        url: 'https://yale.edu',
        area: 'Mathematics',
        studyType: 'PhD',
        startDate: '1930',
        endDate: '1934',
        score: 'summa',
        courses: ['MATH901 - Algebra', 'MATH902 - Analysis'],
        thesis: 'New Types of Irreducibility Criteria',
      },
    ],
    awards: [
      { title: 'National Medal of Technology', date: '1991', awarder: 'USA', summary: 'For COBOL' },
    ],
    certificates: [
      { name: 'Navy Commission', date: '1943-12', url: 'https://navy.mil/c', issuer: 'US Navy' },
    ],
    publications: [
      {
        name: 'The Education of a Computer',
        publisher: 'ACM',
        releaseDate: '1952-05-02',
        url: 'https://acm.org/p',
        summary: 'On compilers',
      },
    ],
    skills: [{ name: 'Compilers', level: 'Master', keywords: ['A-0', 'COBOL'] }],
    languages: [{ language: 'English', fluency: 'Native speaker' }],
    interests: [{ name: 'Teaching', keywords: ['lectures', 'nanoseconds'] }],
    references: [{ name: 'Howard Aiken', reference: 'Exceptional programmer.' }],
    projects: [
      {
        name: 'Mark I',
        description: 'Programming the Harvard Mark I',
        highlights: ['Wrote the manual'],
        keywords: ['hardware'],
        startDate: '1944',
        endDate: '1945-03',
        url: 'https://example.com/mark1',
        roles: ['Programmer'],
        entity: 'Harvard',
        type: 'application',
        budget: { amount: 500000, currency: 'USD' },
      },
    ],
    meta: {
      canonical: 'https://example.com/resume.json',
      version: 'v1.0.0',
      lastModified: '2026-11-20T10:00',
    },
    'x-extensions': [{ kind: 'portfolio', items: [1, 'two', [3], { four: 4 }] }],
  },

  'non-Latin scripts': {
    basics: {
      name: 'Анна Каренина',
      label: 'Ἀρχιτέκτων — 建筑师 — مهندسة معمارية — אדריכלית',
      summary: 'Русский, Ελληνικά, 中文, 日本語, 한국어, العربية, עברית 🚀',
      location: { city: 'Москва', countryCode: 'RU' },
    },
    work: [
      {
        name: '株式会社テスト',
        position: 'エンジニア',
        startDate: '2020-04',
        highlights: ['性能を40%改善', 'تحسين الأداء'],
      },
    ],
    languages: [
      { language: 'Русский', fluency: 'Родной' },
      { language: '中文', fluency: '流利' },
    ],
  },

  'an empty document': {},
};

/** Each entry breaks the schema at the given paths. */
export const INVALID_JSON_RESUME = {
  document: {
    basics: { name: 42, email: 'not-an-email', url: 'not a url', profiles: 'github' },
    work: [{ name: 'ACME', startDate: 'March 2020', highlights: 'one' }, { endDate: '2020-1' }],
    skills: { name: 'TypeScript' },
  },
  paths: [
    '$.basics.name',
    '$.basics.email',
    '$.basics.url',
    '$.basics.profiles',
    '$.work[0].startDate',
    '$.work[0].highlights',
    '$.work[1].endDate',
    '$.skills',
  ],
};
