import type { JobSource, RequestBudget } from './job-source.port';
import { AdzunaSource } from './sources/adzuna.source';
import { ArbeitnowSource } from './sources/arbeitnow.source';
import { AshbySource } from './sources/ashby.source';
import type { CompanyBoardsSource } from './sources/boards';
import { GreenhouseSource } from './sources/greenhouse.source';
import { HimalayasSource } from './sources/himalayas.source';
import { LeverSource } from './sources/lever.source';
import { RemoteOkSource } from './sources/remoteok.source';
import { RemotiveSource } from './sources/remotive.source';
import { SampleJobSource } from './sources/sample.source';
import { TheMuseSource } from './sources/themuse.source';
import { UsaJobsSource } from './sources/usajobs.source';

export type JobSourceStatus =
  'active' | 'available' | 'not_configured' | 'not_implemented' | 'unavailable';

export interface JobSourceInfo {
  name: string;
  label: string;
  status: JobSourceStatus;
  /** Why a source is unavailable, not configured or not implemented. */
  reason: string | null;
  /** Minimum minutes between two scheduled runs (the source's terms and rate limits). */
  intervalMinutes: number;
  homepage: string;
}

/** What the job-source catalog reads from the environment. */
export interface JobSourcesEnv {
  NODE_ENV: string;
  JOB_SOURCES: string[];
  JOB_SAMPLE_SEED: number;
  JOB_SAMPLE_COUNT: number;
  JOB_SOURCE_TIMEOUT_MS: number;
  REMOTEOK_BASE_URL?: string;
  REMOTIVE_BASE_URL?: string;
  ARBEITNOW_BASE_URL?: string;
  ADZUNA_BASE_URL?: string;
  ADZUNA_APP_ID?: string;
  ADZUNA_APP_KEY?: string;
  ADZUNA_COUNTRIES: string[];
  USAJOBS_BASE_URL?: string;
  USAJOBS_API_KEY?: string;
  USAJOBS_USER_AGENT?: string;
  THE_MUSE_BASE_URL?: string;
  THE_MUSE_API_KEY?: string;
  HIMALAYAS_BASE_URL?: string;
  GREENHOUSE_BASE_URL?: string;
  GREENHOUSE_BOARDS: string[];
  LEVER_BASE_URL?: string;
  LEVER_SITES: string[];
  ASHBY_BASE_URL?: string;
  ASHBY_BOARDS: string[];
}

/** What adapters share across replicas. */
export interface JobSourceDeps {
  /** Adzuna's request allowance (25/min, 250/day), kept where every replica counts. */
  budget: RequestBudget;
}

/** The per-company sources; their boards come from the env lists and the admin's list. */
export const COMPANY_BOARD_SOURCES = ['greenhouse', 'lever', 'ashby'] as const;
export type CompanyBoardSourceName = (typeof COMPANY_BOARD_SOURCES)[number];

interface Definition {
  name: string;
  label: string;
  homepage: string;
  intervalMinutes: number;
  /** Null when the source needs no credentials; otherwise the missing variables' names. */
  missing?: (env: JobSourcesEnv) => string[];
  create?: (env: JobSourcesEnv, deps: JobSourceDeps) => JobSource;
  /** Closed or partner-only APIs: listed, never run. */
  unavailable?: string;
}

const DEFINITIONS: Definition[] = [
  {
    name: 'sample',
    label: 'Sample postings',
    homepage: 'https://jobs.example.com',
    intervalMinutes: 24 * 60,
    create: (env) => new SampleJobSource(env.JOB_SAMPLE_SEED, env.JOB_SAMPLE_COUNT),
  },
  {
    name: 'remoteok',
    label: 'Remote OK',
    homepage: 'https://remoteok.com',
    intervalMinutes: 60,
    create: (env) =>
      new RemoteOkSource(
        env.REMOTEOK_BASE_URL ?? 'https://remoteok.com',
        env.JOB_SOURCE_TIMEOUT_MS,
      ),
  },
  {
    name: 'remotive',
    label: 'Remotive',
    homepage: 'https://remotive.com',
    intervalMinutes: 6 * 60, // ~4 requests a day advised
    create: (env) =>
      new RemotiveSource(
        env.REMOTIVE_BASE_URL ?? 'https://remotive.com',
        env.JOB_SOURCE_TIMEOUT_MS,
      ),
  },
  {
    name: 'arbeitnow',
    label: 'Arbeitnow',
    homepage: 'https://www.arbeitnow.com',
    intervalMinutes: 60,
    create: (env) =>
      new ArbeitnowSource(
        env.ARBEITNOW_BASE_URL ?? 'https://www.arbeitnow.com',
        env.JOB_SOURCE_TIMEOUT_MS,
      ),
  },
  {
    name: 'adzuna',
    label: 'Adzuna',
    homepage: 'https://www.adzuna.com',
    intervalMinutes: 60,
    missing: (env) =>
      [!env.ADZUNA_APP_ID && 'ADZUNA_APP_ID', !env.ADZUNA_APP_KEY && 'ADZUNA_APP_KEY'].filter(
        (v): v is string => !!v,
      ),
    create: (env, deps) =>
      new AdzunaSource({
        baseUrl: env.ADZUNA_BASE_URL ?? 'https://api.adzuna.com',
        timeoutMs: env.JOB_SOURCE_TIMEOUT_MS,
        appId: env.ADZUNA_APP_ID!,
        appKey: env.ADZUNA_APP_KEY!,
        countries: env.ADZUNA_COUNTRIES,
        budget: deps.budget,
      }),
  },
  {
    name: 'usajobs',
    label: 'USAJobs',
    homepage: 'https://www.usajobs.gov',
    intervalMinutes: 60,
    missing: (env) =>
      [
        !env.USAJOBS_API_KEY && 'USAJOBS_API_KEY',
        !env.USAJOBS_USER_AGENT && 'USAJOBS_USER_AGENT',
      ].filter((v): v is string => !!v),
    create: (env) =>
      new UsaJobsSource({
        baseUrl: env.USAJOBS_BASE_URL ?? 'https://data.usajobs.gov',
        timeoutMs: env.JOB_SOURCE_TIMEOUT_MS,
        apiKey: env.USAJOBS_API_KEY!,
        userAgent: env.USAJOBS_USER_AGENT!,
      }),
  },
  {
    name: 'themuse',
    label: 'The Muse',
    homepage: 'https://www.themuse.com',
    intervalMinutes: 60,
    create: (env) =>
      new TheMuseSource(
        env.THE_MUSE_BASE_URL ?? 'https://www.themuse.com',
        env.JOB_SOURCE_TIMEOUT_MS,
        env.THE_MUSE_API_KEY,
      ),
  },
  {
    name: 'himalayas',
    label: 'Himalayas',
    homepage: 'https://himalayas.app',
    intervalMinutes: 60,
    create: (env) =>
      new HimalayasSource(
        env.HIMALAYAS_BASE_URL ?? 'https://himalayas.app',
        env.JOB_SOURCE_TIMEOUT_MS,
      ),
  },
  {
    name: 'greenhouse',
    label: 'Greenhouse boards',
    homepage: 'https://www.greenhouse.io',
    intervalMinutes: 60,
    create: (env) => createBoardSource(env, 'greenhouse'),
  },
  {
    name: 'lever',
    label: 'Lever boards',
    homepage: 'https://www.lever.co',
    intervalMinutes: 60,
    create: (env) => createBoardSource(env, 'lever'),
  },
  {
    name: 'ashby',
    label: 'Ashby boards',
    homepage: 'https://www.ashbyhq.com',
    intervalMinutes: 60,
    create: (env) => createBoardSource(env, 'ashby'),
  },
  {
    name: 'indeed',
    label: 'Indeed',
    homepage: 'https://www.indeed.com',
    intervalMinutes: 0,
    unavailable: 'The Indeed Publisher search API is deprecated; its keys stopped working in 2022.',
  },
  {
    name: 'linkedin',
    label: 'LinkedIn Jobs',
    homepage: 'https://www.linkedin.com/jobs',
    intervalMinutes: 0,
    unavailable:
      'LinkedIn has no public job search API; its job posting API is closed to new partners.',
  },
  {
    name: 'glassdoor',
    label: 'Glassdoor',
    homepage: 'https://www.glassdoor.com',
    intervalMinutes: 0,
    unavailable: 'Glassdoor’s API is partner-only.',
  },
  {
    name: 'angellist',
    label: 'AngelList (Wellfound)',
    homepage: 'https://wellfound.com',
    intervalMinutes: 0,
    unavailable:
      'AngelList/Wellfound has no public API; startups’ Ashby, Greenhouse and Lever boards serve instead.',
  },
  {
    name: 'github',
    label: 'GitHub Jobs',
    homepage: 'https://jobs.github.com',
    intervalMinutes: 0,
    unavailable: 'GitHub Jobs shut down on 2021-08-19.',
  },
];

export const JOB_SOURCE_NAMES = DEFINITIONS.map((d) => d.name);

/** Which sources run: `JOB_SOURCES`, or `sample` alone outside production when it is empty. */
export function enabledSourceNames(env: JobSourcesEnv): string[] {
  if (env.JOB_SOURCES.length > 0) return env.JOB_SOURCES;
  return env.NODE_ENV === 'production' ? [] : ['sample'];
}

/** Every source the platform knows, with its status for this deployment. */
export function jobSourceCatalog(env: JobSourcesEnv): JobSourceInfo[] {
  const enabled = new Set(enabledSourceNames(env));
  return DEFINITIONS.map((d) => {
    const missing = d.missing?.(env) ?? [];
    let status: JobSourceStatus;
    let reason: string | null = null;
    if (d.unavailable) {
      status = 'unavailable';
      reason = d.unavailable;
    } else if (missing.length > 0) {
      status = 'not_configured';
      reason = `Needs ${missing.join(', ')}.`;
    } else if (!d.create) {
      status = 'not_implemented';
      reason = 'The adapter is not built yet.';
    } else {
      status = enabled.has(d.name) ? 'active' : 'available';
      if (status === 'available') reason = 'Not named in JOB_SOURCES.';
    }
    return {
      name: d.name,
      label: d.label,
      status,
      reason,
      intervalMinutes: d.intervalMinutes,
      homepage: d.homepage,
    };
  });
}

/** The adapters of the active sources. A source without its credentials is never created. */
export function createJobSources(env: JobSourcesEnv, deps: JobSourceDeps): Map<string, JobSource> {
  const active = jobSourceCatalog(env).filter((s) => s.status === 'active');
  return new Map(
    active.map((info) => [
      info.name,
      DEFINITIONS.find((d) => d.name === info.name)!.create!(env, deps),
    ]),
  );
}

/** A per-company source's adapter, active or not (an admin probes a board before following it). */
export function createBoardSource(
  env: JobSourcesEnv,
  name: CompanyBoardSourceName,
): CompanyBoardsSource {
  const timeout = env.JOB_SOURCE_TIMEOUT_MS;
  if (name === 'greenhouse') {
    return new GreenhouseSource(
      env.GREENHOUSE_BASE_URL ?? 'https://boards-api.greenhouse.io',
      timeout,
      env.GREENHOUSE_BOARDS,
    );
  }
  if (name === 'lever') {
    return new LeverSource(env.LEVER_BASE_URL ?? 'https://api.lever.co', timeout, env.LEVER_SITES);
  }
  return new AshbySource(
    env.ASHBY_BASE_URL ?? 'https://api.ashbyhq.com',
    timeout,
    env.ASHBY_BOARDS,
  );
}

/** A per-company source's boards named in its env list. */
export function envBoards(env: JobSourcesEnv, name: CompanyBoardSourceName): string[] {
  return name === 'greenhouse'
    ? env.GREENHOUSE_BOARDS
    : name === 'lever'
      ? env.LEVER_SITES
      : env.ASHBY_BOARDS;
}

/** Names in JOB_SOURCES that no definition knows (a typo stops the boot). */
export function unknownJobSources(names: string[]): string[] {
  return names.filter((n) => !JOB_SOURCE_NAMES.includes(n));
}
