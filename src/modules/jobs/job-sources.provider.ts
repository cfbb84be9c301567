import { Injectable } from '@nestjs/common';
import { AppConfig } from '@lib/config';
import {
  COMPANY_BOARD_SOURCES,
  createBoardSource,
  createJobSources,
  envBoards,
  jobSourceCatalog,
  unknownJobSources,
  type CompanyBoardSourceName,
  type CompanyBoardsSource,
  type JobSource,
  type JobSourceInfo,
} from '@lib/providers';
import { RateLimiter } from '@lib/rate-limit';
import { SourceRequestBudget } from './source-request-budget';

/** The deployment's job sources: the catalog with statuses, and the adapters of the active ones. */
@Injectable()
export class JobSources {
  private readonly adapters: Map<string, JobSource>;
  readonly catalog: JobSourceInfo[];

  constructor(
    private readonly config: AppConfig,
    limiter: RateLimiter,
  ) {
    const unknown = unknownJobSources(config.env.JOB_SOURCES);
    if (unknown.length > 0) throw new Error(`JOB_SOURCES: unknown source(s) ${unknown.join(', ')}`);
    this.catalog = jobSourceCatalog(config.env);
    this.adapters = createJobSources(config.env, { budget: new SourceRequestBudget(limiter) });
  }

  info(name: string): JobSourceInfo | undefined {
    return this.catalog.find((s) => s.name === name);
  }

  adapter(name: string): JobSource | undefined {
    return this.adapters.get(name);
  }

  active(): JobSourceInfo[] {
    return this.catalog.filter((s) => s.status === 'active');
  }

  /** Greenhouse, Lever or Ashby: the sources whose boards an admin manages. */
  isBoardSource(name: string): name is CompanyBoardSourceName {
    return (COMPANY_BOARD_SOURCES as readonly string[]).includes(name);
  }

  /** A per-company source's adapter for probing a board, whether or not the source runs here. */
  boardSource(name: CompanyBoardSourceName): CompanyBoardsSource {
    return createBoardSource(this.config.env, name);
  }

  envBoards(name: CompanyBoardSourceName): string[] {
    return envBoards(this.config.env, name);
  }
}
