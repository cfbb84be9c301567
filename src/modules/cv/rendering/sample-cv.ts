import type { ResumeDocument } from '../domain/resume';

/** The CV every template preview shows. */
export const SAMPLE_CV: ResumeDocument = {
  basics: {
    name: 'Jordan Rivera',
    label: 'Senior Software Engineer',
    email: 'jordan.rivera@example.com',
    phone: '+1 555 010 2030',
    url: 'https://jordan.example.com',
    summary:
      'Backend engineer with nine years of experience building reliable APIs and data pipelines. ' +
      'Led teams of five, cut infrastructure costs by 35% and mentors junior developers.',
    location: { city: 'Austin', region: 'TX', countryCode: 'US' },
    profiles: [{ network: 'GitHub', username: 'jrivera', url: 'https://github.com/jrivera' }],
  },
  work: [
    {
      name: 'Northwind Logistics',
      position: 'Senior Software Engineer',
      location: 'Austin, TX',
      startDate: '2021-03',
      summary: 'Owns the shipment tracking platform (40 M events a day).',
      highlights: [
        'Redesigned the event pipeline on Kafka and PostgreSQL, reducing p99 latency by 60%',
        'Led a team of five engineers through a zero-downtime migration to Kubernetes',
      ],
    },
    {
      name: 'Contoso Health',
      position: 'Software Engineer',
      location: 'Remote',
      startDate: '2017-06',
      endDate: '2021-02',
      highlights: [
        'Built the HIPAA-compliant patient messaging API in TypeScript and NestJS',
        'Introduced contract tests that caught 120 breaking changes before release',
      ],
    },
  ],
  education: [
    {
      institution: 'University of Texas at Austin',
      area: 'Computer Science',
      studyType: 'BSc',
      startDate: '2012',
      endDate: '2016',
    },
  ],
  skills: [
    {
      name: 'Backend',
      level: 'Expert',
      keywords: ['TypeScript', 'Node.js', 'PostgreSQL', 'Redis'],
    },
    { name: 'Infrastructure', level: 'Advanced', keywords: ['Kubernetes', 'Terraform', 'AWS'] },
  ],
  languages: [
    { language: 'English', fluency: 'Native' },
    { language: 'Spanish', fluency: 'Professional' },
  ],
  projects: [
    {
      name: 'queue-inspector',
      description: 'Open-source dashboard for Bull queues.',
      url: 'https://github.com/jrivera/queue-inspector',
      keywords: ['React', 'Redis'],
    },
  ],
};
