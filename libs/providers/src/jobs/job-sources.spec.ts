import {
  createJobSources,
  jobSourceCatalog,
  unknownJobSources,
  type JobSourcesEnv,
} from './job-sources';

const env = (overrides: Partial<JobSourcesEnv> = {}): JobSourcesEnv => ({
  NODE_ENV: 'development',
  JOB_SOURCES: [],
  JOB_SAMPLE_SEED: 1,
  JOB_SAMPLE_COUNT: 10,
  JOB_SOURCE_TIMEOUT_MS: 1000,
  ADZUNA_COUNTRIES: ['gb'],
  GREENHOUSE_BOARDS: [],
  LEVER_SITES: [],
  ASHBY_BOARDS: [],
  ...overrides,
});

const deps = { budget: { take: () => Promise.resolve({ allowed: true as const }) } };
const create = (e: JobSourcesEnv) => createJobSources(e, deps);

const status = (e: JobSourcesEnv) =>
  Object.fromEntries(jobSourceCatalog(e).map((s) => [s.name, s.status]));

describe('job source catalog', () => {
  it('runs the sample source on a fresh install, never in production unless named', () => {
    expect(status(env()).sample).toBe('active');
    expect([...create(env()).keys()]).toEqual(['sample']);
    expect(status(env({ NODE_ENV: 'production' })).sample).toBe('available');
    expect(create(env({ NODE_ENV: 'production' })).size).toBe(0);
    expect(status(env({ NODE_ENV: 'production', JOB_SOURCES: ['sample'] })).sample).toBe('active');
  });

  it('never creates a source without its credentials', () => {
    const e = env({ JOB_SOURCES: ['adzuna', 'remoteok'] });
    expect(status(e)).toMatchObject({
      adzuna: 'not_configured',
      remoteok: 'active',
      indeed: 'unavailable',
    });
    expect([...create(e).keys()]).toEqual(['remoteok']);
    expect(status(env({ ADZUNA_APP_ID: 'id', ADZUNA_APP_KEY: 'key' })).adzuna).toBe('available');
    const usajobs = env({ JOB_SOURCES: ['usajobs'], USAJOBS_API_KEY: 'key' });
    expect(status(usajobs).usajobs).toBe('not_configured');
    expect(create(usajobs).size).toBe(0);
  });

  it('every live source has an adapter; the closed ones stay unavailable', () => {
    const e = env({
      JOB_SOURCES: ['adzuna', 'usajobs', 'themuse', 'himalayas', 'greenhouse', 'lever', 'ashby'],
      ADZUNA_APP_ID: 'id',
      ADZUNA_APP_KEY: 'key',
      USAJOBS_API_KEY: 'key',
      USAJOBS_USER_AGENT: 'ops@example.com',
    });
    expect(jobSourceCatalog(e).filter((s) => s.status === 'not_implemented')).toEqual([]);
    expect([...create(e).keys()].sort()).toEqual(
      ['adzuna', 'ashby', 'greenhouse', 'himalayas', 'lever', 'themuse', 'usajobs'].sort(),
    );
    expect(status(e)).toMatchObject({ github: 'unavailable', linkedin: 'unavailable' });
  });

  it('names unknown sources', () => {
    expect(unknownJobSources(['sample', 'monster'])).toEqual(['monster']);
  });
});
