import { Client } from 'pg';

export const JOBS_SEED = { postings: 1_000_000, companies: 20_000, days: 60 } as const;

const BATCH = 100_000;
const LEVELS = ['Junior', 'Mid-level', 'Senior', 'Lead', 'Staff', 'Principal'];
const ROLES = [
  'Software Engineer',
  'Backend Engineer',
  'Frontend Developer',
  'Full Stack Developer',
  'Data Scientist',
  'Data Engineer',
  'DevOps Engineer',
  'Site Reliability Engineer',
  'Product Manager',
  'Product Designer',
  'UX Researcher',
  'QA Engineer',
  'Mobile Developer',
  'Sales Representative',
  'Account Executive',
  'Marketing Manager',
  'Content Writer',
  'Customer Success Manager',
  'Support Specialist',
  'Recruiter',
  'HR Business Partner',
  'Accountant',
  'Financial Analyst',
  'Operations Manager',
  'Project Manager',
  'Nurse',
  'Teacher',
  'Electrician',
  'Mechanical Engineer',
  'Civil Engineer',
  'Warehouse Associate',
  'Truck Driver',
  'Chef',
  'Pharmacist',
  'Legal Counsel',
  'Office Manager',
  'Business Analyst',
  'Security Engineer',
  'Machine Learning Engineer',
  'Technical Writer',
];
/** Skills drawn four times per posting, the first ones far more often than the last. */
const SKILLS = [
  'communication',
  'teamwork',
  'excel',
  'python',
  'javascript',
  'typescript',
  'sql',
  'java',
  'react',
  'aws',
  'docker',
  'kubernetes',
  'salesforce',
  'figma',
  'terraform',
  'go',
  'rust',
  'scala',
  'kotlin',
  'swift',
  'postgresql',
  'kafka',
  'spark',
  'tableau',
  'sap',
  'hubspot',
];
const SENTENCES = [
  'You will join a friendly team that ships every week.',
  'We value ownership, clear writing and kindness.',
  'The role reports to the head of the department and works across teams.',
  'Flexible hours, learning budget and a generous parental leave.',
  'You will mentor colleagues and help us grow the practice.',
  'Experience with customers and stakeholders is a plus.',
  'We are an equal opportunity employer and welcome every applicant.',
  'The position includes occasional travel to our offices.',
  'You will plan, estimate and deliver projects from start to finish.',
  'Our benefits include health insurance, a pension plan and paid time off.',
];
const COUNTRIES = ['US', 'GB', 'DE', 'FR', 'NL', 'ES', 'CA', 'IN', 'PL', 'SE'];
const CITIES = [
  'New York',
  'London',
  'Berlin',
  'Paris',
  'Amsterdam',
  'Madrid',
  'Toronto',
  'Bangalore',
  'Warsaw',
  'Stockholm',
];
/**
 * Not `sample`: every API booted on the bench database (any scenario) runs the sample source,
 * whose run removes the links its list no longer has and expires their postings.
 */
const SOURCES = ['greenhouse', 'lever', 'usajobs', 'remotive', 'adzuna'];

const sqlArray = (values: readonly string[]) =>
  `array[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(', ')}]`;

/**
 * One million job postings in the bench database, written by PostgreSQL itself
 * (generate_series over word lists) in batches, with one source link each. Titles
 * mix 6 levels × 40 roles ("engineer" is in about a third of them: a broad term);
 * common skills are drawn four times per posting; "haskell" (~2,000 postings) and
 * "cobol" (~1,000) are the narrow terms. The GIN index is dropped during the load and built once afterwards.
 * Skipped when the bench rows are already there (a full load takes minutes).
 */
export async function seedJobs(databaseUrl: string, log: (line: string) => void): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const [{ n }] = (
      await client.query<{ n: string }>(
        `select count(*)::text as n from jobs where company_key like 'bench-company-%'`,
      )
    ).rows;
    if (Number(n) === JOBS_SEED.postings) {
      // Seeds made before `sample` left SOURCES: hand those links to another source, once.
      await client.query(
        `update job_source_links set source = 'adzuna' where source = 'sample' and source_job_id like 'bench-%'`,
      );
      return;
    }
    log(`seeding ${JOBS_SEED.postings.toLocaleString('en')} job postings (takes a few minutes)`);
    await client.query(
      `delete from job_source_links where job_id in (select id from jobs where company_key like 'bench-company-%')`,
    );
    await client.query(`delete from jobs where company_key like 'bench-company-%'`);
    await client.query('drop index if exists jobs_search_idx');
    for (let from = 1; from <= JOBS_SEED.postings; from += BATCH) {
      const to = Math.min(JOBS_SEED.postings, from + BATCH - 1);
      await client.query(insertBatch(), [from, to]);
      log(`  ${to.toLocaleString('en')} postings`);
    }
    await client.query(
      `insert into job_source_links (id, job_id, source, source_job_id, url, posted_at, first_seen_at, last_seen_at, matched_by)
       select gen_random_uuid(), j.id, (${sqlArray(SOURCES)})[1 + abs(hashtext(j.fingerprint)) % ${SOURCES.length}],
         j.fingerprint, 'https://jobs.example.test/' || j.fingerprint, j.posted_at, j.first_seen_at, j.last_seen_at, 'new'
       from jobs j where j.company_key like 'bench-company-%'`,
    );
    log('  building the full-text index');
    await client.query('create index "jobs_search_idx" on "jobs" using gin ("search_vector")');
    await client.query('vacuum analyze jobs');
    await client.query('vacuum analyze job_source_links');
  } finally {
    await client.end();
  }
}

function insertBatch(): string {
  const skills = SKILLS.length;
  // Skill k is drawn with weight ~ 1/(k+1)^2 through a squared uniform: index 0 is common, the last rare.
  const skill = (salt: number) =>
    `(${sqlArray(SKILLS)})[1 + least(${skills - 1}, floor(${skills} * power(((n * ${salt}) % 10007) / 10007.0, 2.2))::int)]`;
  const sentence = (salt: number) =>
    `(${sqlArray(SENTENCES)})[1 + (n * ${salt}) % ${SENTENCES.length}]`;
  return `
    insert into jobs (id, title, company, company_key, location, country, remote, workplace_type,
      employment_type, seniority, tags, salary_min, salary_max, salary_currency, salary_interval,
      salary_origin, salary_annual, description_html, description_text, posted_at, first_seen_at,
      last_seen_at, status, fingerprint, minhash, updated_at)
    select gen_random_uuid(), d.title, 'Bench Company ' || (n % ${JOBS_SEED.companies}),
      'bench-company-' || (n % ${JOBS_SEED.companies}), d.city, d.country, d.remote,
      case when d.remote then 'remote' when n % 3 = 0 then 'hybrid' else 'onsite' end,
      (array['full_time', 'full_time', 'full_time', 'part_time', 'contract', 'internship', 'temporary'])[1 + n % 7],
      (array['intern', 'junior', 'mid', 'senior', 'lead', 'executive'])[1 + (n / 7) % 6],
      '[]'::jsonb, d.salary, d.salary * 1.2, case when d.salary is null then null else 'USD' end,
      case when d.salary is null then null else 'year' end,
      case when d.salary is null then null else 'direct' end, (d.salary * 1.1)::int,
      '<p>' || d.description || '</p>', d.description, d.posted, d.posted, now(),
      case when n % 10 = 0 then 'expired' else 'active' end, 'bench-' || n, '[]'::jsonb, now()
    from generate_series($1::int, $2::int) n,
    lateral (select
      (${sqlArray(LEVELS)})[1 + n % ${LEVELS.length}] || ' ' || (${sqlArray(ROLES)})[1 + (n / 6) % ${ROLES.length}] as title,
      (${sqlArray(CITIES)})[1 + n % ${CITIES.length}] as city,
      (${sqlArray(COUNTRIES)})[1 + n % ${COUNTRIES.length}] as country,
      n % 10 < 3 as remote,
      case when n % 5 < 3 then 30000 + (n * 37) % 150000 else null end as salary,
      now() - ((n::bigint * 7919) % (${JOBS_SEED.days} * 24 * 60)) * interval '1 minute' as posted,
      ${sentence(3)} || ' ' || ${sentence(7)} || ' ' || ${sentence(11)} || ' Skills: ' ||
        ${skill(31)} || ', ' || ${skill(57)} || ', ' || ${skill(101)} || ' and ' || ${skill(173)} || '. ' ||
        ${sentence(13)} || ' ' || ${sentence(17)} ||
        -- The narrow terms: haskell in 1 posting of 499 (~2,000), cobol in 1 of 997 (~1,000).
        case when n % 499 = 0 then ' Bonus: haskell.' when n % 997 = 0 then ' Bonus: cobol.' else '' end
        as description
    ) d`;
}
