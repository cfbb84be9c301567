import { EntityManager } from '@mikro-orm/postgresql';
import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { FacetValueDto, JobSearchPageDto } from '../../dto/job.dto';
import { jobSummary } from '../../dto/job-mapper';
import { Job } from '../../entities/job.entity';
import { JobSourceLink } from '../../entities/job-source-link.entity';
import {
  COUNT_CAP,
  JOB_SEARCH,
  type FacetCount,
  type JobSearchPort,
} from '../../search/job-search.port';
import { SearchJobsQuery } from './search-jobs.query';

function label(count: number): string {
  return count > COUNT_CAP ? `${COUNT_CAP.toLocaleString('en-US')}+` : String(count);
}

function facetValues(list: FacetCount[], sampled: boolean): FacetValueDto[] {
  return list.map((f) => ({
    value: f.value,
    count: f.count,
    label: sampled ? `${f.count.toLocaleString('en-US')}+` : label(f.count),
  }));
}

/** Runs the search port, then loads the page's jobs with their source links. */
@QueryHandler(SearchJobsQuery)
export class SearchJobsHandler implements IQueryHandler<SearchJobsQuery, JobSearchPageDto> {
  constructor(
    private readonly em: EntityManager,
    @Inject(JOB_SEARCH) private readonly engine: JobSearchPort,
  ) {}

  async execute({ params }: SearchJobsQuery): Promise<JobSearchPageDto> {
    const result = await this.engine.search(params);
    const ids = result.hits.map((h) => h.id);
    const em = this.em.fork();
    const jobs = new Map(
      (ids.length ? await em.find(Job, { id: { $in: ids } }) : []).map((j) => [j.id, j]),
    );
    const links = ids.length ? await em.find(JobSourceLink, { job: { $in: ids } }) : [];
    const byJob = new Map<string, JobSourceLink[]>();
    for (const link of links) byJob.set(link.job.id, [...(byJob.get(link.job.id) ?? []), link]);
    return {
      items: result.hits
        .filter((h) => jobs.has(h.id))
        .map((h) => jobSummary(jobs.get(h.id)!, byJob.get(h.id) ?? [], h.highlights)),
      nextCursor: result.nextCursor,
      total: {
        value: Math.min(result.total, COUNT_CAP),
        capped: result.total > COUNT_CAP,
        label: label(result.total),
      },
      facets: result.facets
        ? {
            employmentType: facetValues(result.facets.employmentType, result.facetsSampled),
            seniority: facetValues(result.facets.seniority, result.facetsSampled),
            workplaceType: facetValues(result.facets.workplaceType, result.facetsSampled),
            source: facetValues(result.facets.source, result.facetsSampled),
          }
        : null,
      sort: result.sort,
    };
  }
}
