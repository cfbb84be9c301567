import type {
  EmploymentType,
  JobSource,
  JobSourceBatch,
  JobSourceFetchOptions,
  NormalizedPosting,
  Seniority,
  WorkplaceType,
} from '../job-source.port';
import { htmlToText } from '../normalize';

/** Small, fast, seedable PRNG (mulberry32): the same seed gives the same postings. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ROLES = [
  {
    title: 'Backend Engineer',
    area: 'engineering',
    tools: ['Node.js', 'TypeScript', 'PostgreSQL', 'Redis', 'Kafka'],
  },
  {
    title: 'Frontend Engineer',
    area: 'engineering',
    tools: ['React', 'TypeScript', 'CSS', 'Next.js', 'Storybook'],
  },
  {
    title: 'Full Stack Developer',
    area: 'engineering',
    tools: ['React', 'Node.js', 'GraphQL', 'AWS', 'Docker'],
  },
  {
    title: 'Data Engineer',
    area: 'data',
    tools: ['Python', 'Spark', 'Airflow', 'dbt', 'Snowflake'],
  },
  {
    title: 'Data Scientist',
    area: 'data',
    tools: ['Python', 'pandas', 'scikit-learn', 'SQL', 'PyTorch'],
  },
  {
    title: 'DevOps Engineer',
    area: 'engineering',
    tools: ['Kubernetes', 'Terraform', 'AWS', 'Prometheus', 'Go'],
  },
  {
    title: 'Site Reliability Engineer',
    area: 'engineering',
    tools: ['Kubernetes', 'Linux', 'Go', 'Grafana', 'GCP'],
  },
  {
    title: 'Mobile Developer',
    area: 'engineering',
    tools: ['Swift', 'Kotlin', 'React Native', 'Firebase'],
  },
  {
    title: 'Product Manager',
    area: 'product',
    tools: ['roadmaps', 'user research', 'analytics', 'Jira'],
  },
  {
    title: 'Product Designer',
    area: 'design',
    tools: ['Figma', 'prototyping', 'design systems', 'user research'],
  },
  {
    title: 'QA Engineer',
    area: 'engineering',
    tools: ['Playwright', 'Cypress', 'test automation', 'CI'],
  },
  {
    title: 'Security Engineer',
    area: 'security',
    tools: ['threat modelling', 'SIEM', 'AWS', 'penetration testing'],
  },
  {
    title: 'Machine Learning Engineer',
    area: 'data',
    tools: ['Python', 'PyTorch', 'MLOps', 'Kubernetes'],
  },
  { title: 'Technical Writer', area: 'content', tools: ['Markdown', 'API docs', 'docs-as-code'] },
  {
    title: 'Customer Success Manager',
    area: 'operations',
    tools: ['Salesforce', 'onboarding', 'renewals'],
  },
  {
    title: 'Marketing Manager',
    area: 'marketing',
    tools: ['SEO', 'content marketing', 'HubSpot', 'campaigns'],
  },
  {
    title: 'Sales Executive',
    area: 'sales',
    tools: ['B2B SaaS', 'pipeline', 'Salesforce', 'negotiation'],
  },
  { title: 'Accountant', area: 'finance', tools: ['IFRS', 'month-end close', 'Excel', 'DATEV'] },
  {
    title: 'HR Business Partner',
    area: 'people',
    tools: ['employee relations', 'hiring', 'workday'],
  },
  {
    title: 'Support Specialist',
    area: 'operations',
    tools: ['Zendesk', 'troubleshooting', 'SLAs'],
  },
];
const COMPANIES = [
  'Acme Analytics',
  'Blue Harbor',
  'Cobalt Systems',
  'Delta Freight',
  'Evergreen Health',
  'Fjord Labs',
  'Granite Bank',
  'Helix Bio',
  'Ion Mobility',
  'Juniper Retail',
  'Kite Robotics',
  'Lumen Energy',
  'Maple Learning',
  'Nimbus Cloud',
  'Orbit Media',
  'Pioneer Insurance',
  'Quartz Games',
  'Riverstone Legal',
  'Summit Travel',
  'Tidal Payments',
  'Umbra Security',
  'Vertex Logistics',
  'Willow Foods',
  'Xenon Motors',
  'Yarrow Farms',
  'Zephyr Air',
  'Northwind Traders',
  'Contoso',
  'Fabrikam',
  'Globex',
];
const LOCATIONS: Array<{ name: string; country: string; lat: number; lon: number }> = [
  { name: 'Berlin, Germany', country: 'DE', lat: 52.52, lon: 13.405 },
  { name: 'Munich, Germany', country: 'DE', lat: 48.137, lon: 11.575 },
  { name: 'London, United Kingdom', country: 'GB', lat: 51.507, lon: -0.128 },
  { name: 'Amsterdam, Netherlands', country: 'NL', lat: 52.37, lon: 4.895 },
  { name: 'Paris, France', country: 'FR', lat: 48.857, lon: 2.352 },
  { name: 'Madrid, Spain', country: 'ES', lat: 40.417, lon: -3.704 },
  { name: 'Warsaw, Poland', country: 'PL', lat: 52.23, lon: 21.012 },
  { name: 'New York, United States', country: 'US', lat: 40.713, lon: -74.006 },
  { name: 'San Francisco, United States', country: 'US', lat: 37.775, lon: -122.419 },
  { name: 'Austin, United States', country: 'US', lat: 30.267, lon: -97.743 },
  { name: 'Toronto, Canada', country: 'CA', lat: 43.653, lon: -79.383 },
  { name: 'Dublin, Ireland', country: 'IE', lat: 53.35, lon: -6.26 },
];
const LEVELS: Array<{ seniority: Seniority; prefix: string; years: string; factor: number }> = [
  { seniority: 'intern', prefix: 'Intern', years: 'no prior', factor: 0.35 },
  { seniority: 'junior', prefix: 'Junior', years: '1+ years of', factor: 0.65 },
  { seniority: 'mid', prefix: '', years: '3+ years of', factor: 1 },
  { seniority: 'senior', prefix: 'Senior', years: '5+ years of', factor: 1.3 },
  { seniority: 'lead', prefix: 'Lead', years: '8+ years of', factor: 1.6 },
];
const BASE_SALARY: Record<string, number> = {
  engineering: 70000,
  data: 75000,
  product: 72000,
  design: 62000,
  security: 78000,
  content: 50000,
  operations: 45000,
  marketing: 55000,
  sales: 50000,
  finance: 52000,
  people: 50000,
};
const CURRENCY: Record<string, string> = {
  DE: 'EUR',
  NL: 'EUR',
  FR: 'EUR',
  ES: 'EUR',
  IE: 'EUR',
  PL: 'PLN',
  GB: 'GBP',
  US: 'USD',
  CA: 'CAD',
};
const PERKS = [
  'flexible working hours',
  'a yearly learning budget',
  '30 days of paid vacation',
  'a home-office allowance',
  'company equity',
  'private health insurance',
  'a four-day week in summer',
  'parental leave beyond the legal minimum',
];
const VERBS = ['design', 'build', 'own', 'improve', 'maintain', 'scale', 'ship', 'measure'];

export interface SamplePostingOptions {
  seed: number;
  count: number;
  /** Dates are spread over the 60 days before this day (midnight UTC): the same day gives the same postings. */
  now: Date;
  /** First index (a bench generates 1M postings in chunks). */
  offset?: number;
}

/**
 * Realistic postings generated deterministically from a seed. The same
 * generator feeds the 1M-posting search bench (call it in chunks with `offset`).
 */
export function generateSamplePostings(options: SamplePostingOptions): NormalizedPosting[] {
  const day = Date.UTC(
    options.now.getUTCFullYear(),
    options.now.getUTCMonth(),
    options.now.getUTCDate(),
  );
  const postings: NormalizedPosting[] = [];
  const start = options.offset ?? 0;
  for (let i = start; i < start + options.count; i++) {
    const random = seededRandom(options.seed * 1_000_003 + i);
    const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)];
    const role = pick(ROLES);
    const level = pick(LEVELS);
    const company = pick(COMPANIES);
    const place = pick(LOCATIONS);
    const mode = random();
    const workplaceType: WorkplaceType = mode < 0.3 ? 'remote' : mode < 0.55 ? 'hybrid' : 'onsite';
    const kind = random();
    const employmentType: EmploymentType =
      level.seniority === 'intern'
        ? 'internship'
        : kind < 0.8
          ? 'full_time'
          : kind < 0.9
            ? 'part_time'
            : 'contract';
    const title = [level.prefix, role.title].filter(Boolean).join(' ');
    const currency = CURRENCY[place.country] ?? 'EUR';
    const base =
      (BASE_SALARY[role.area] ?? 50000) *
      level.factor *
      (currency === 'PLN' ? 4 : 1) *
      (0.9 + random() * 0.3);
    const withSalary = random() < 0.7;
    const min = Math.round(base / 1000) * 1000;
    const max = Math.round((base * 1.2) / 1000) * 1000;
    const tools = role.tools.filter(() => random() < 0.7);
    const perks = PERKS.filter(() => random() < 0.35);
    const verbs = VERBS.filter(() => random() < 0.5);
    const html = [
      `<p>${company} is hiring a <strong>${title}</strong> to join our ${role.area} team${workplaceType === 'remote' ? ' (fully remote)' : ` in ${place.name.split(',')[0]}`}.</p>`,
      `<h3>What you will do</h3><ul>${(verbs.length ? verbs : ['build']).map((v) => `<li>${v[0].toUpperCase()}${v.slice(1)} ${role.area} work with ${pick(role.tools)} alongside a friendly team.</li>`).join('')}</ul>`,
      `<h3>What we look for</h3><ul><li>${level.years} experience as ${/^[aeiou]/i.test(role.title) ? 'an' : 'a'} ${role.title}</li>${(tools.length ? tools : role.tools.slice(0, 1)).map((t) => `<li>Hands-on experience with ${t}</li>`).join('')}</ul>`,
      perks.length
        ? `<h3>What we offer</h3><ul>${perks.map((p) => `<li>${p}</li>`).join('')}</ul>`
        : '',
    ].join('');
    const postedAt = new Date(
      day - Math.floor(random() * 60 * 86_400_000) - Math.floor(random() * 86_400) * 1000,
    );
    const id = `${options.seed}-${i}`;
    postings.push({
      source: 'sample',
      sourceJobId: id,
      url: `https://jobs.example.com/sample/${id}`,
      applyUrl: `https://jobs.example.com/sample/${id}/apply`,
      title,
      company,
      companyUrl: `https://${company.toLowerCase().replace(/[^a-z]+/g, '-')}.example.com`,
      companyLogoUrl: null,
      location: workplaceType === 'remote' ? `Remote (${place.country})` : place.name,
      country: place.country,
      latitude: workplaceType === 'remote' ? null : place.lat,
      longitude: workplaceType === 'remote' ? null : place.lon,
      remote: workplaceType === 'remote',
      workplaceType,
      employmentType,
      seniority: level.seniority,
      tags: [role.area, ...tools.map((t) => t.toLowerCase())],
      salary: withSalary
        ? { min, max, currency, interval: 'year', isEstimated: false, origin: 'direct' }
        : null,
      descriptionHtml: html,
      descriptionText: htmlToText(html),
      postedAt,
      expiresAt: new Date(postedAt.getTime() + 90 * 86_400_000),
      attribution: null,
    });
  }
  return postings;
}

/** The bundled source: a fresh install has postings to search without any keys. Never in production unless named. */
export class SampleJobSource implements JobSource {
  readonly name = 'sample';

  constructor(
    private readonly seed: number,
    private readonly count: number,
  ) {}

  fetch(options: JobSourceFetchOptions): Promise<JobSourceBatch> {
    const postings = generateSamplePostings({
      seed: this.seed,
      count: Math.min(this.count, options.maxPostings),
      now: options.now,
    });
    return Promise.resolve({ postings, complete: this.count <= options.maxPostings, skipped: 0 });
  }
}
