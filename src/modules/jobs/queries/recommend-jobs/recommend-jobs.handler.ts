import { EntityManager } from '@mikro-orm/postgresql';
import { Inject } from '@nestjs/common';
import { QueryBus, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { GetCvQuery, resumeForAi } from '../../../cv';
import type { RecommendedJobsDto } from '../../dto/job-match.dto';
import { jobSummary } from '../../dto/job-mapper';
import { Job } from '../../entities/job.entity';
import { JobSourceLink } from '../../entities/job-source-link.entity';
import { JOB_SEARCH, type JobSearchPort } from '../../search/job-search.port';
import { matchJob } from '../../services/job-match';
import { RecommendJobsQuery } from './recommend-jobs.query';

/** Candidates the search ranks for the CV's skills and headline, then re-ranked by match score. */
export const RECOMMENDATION_CANDIDATES = 50;
const QUERY_TERMS = 10;

/**
 * Jobs for one of the caller's CVs: a relevance search for any of its skills (and its
 * headline), each candidate scored with the deterministic match, best first.
 */
@QueryHandler(RecommendJobsQuery)
export class RecommendJobsHandler implements IQueryHandler<RecommendJobsQuery, RecommendedJobsDto> {
  constructor(
    private readonly em: EntityManager,
    private readonly queries: QueryBus,
    @Inject(JOB_SEARCH) private readonly engine: JobSearchPort,
  ) {}

  async execute({ actor, cvId, limit }: RecommendJobsQuery): Promise<RecommendedJobsDto> {
    const cv = await this.queries.execute(new GetCvQuery(actor, cvId));
    const resume = resumeForAi(cv.document);
    const terms = [...new Set([...resume.skills, ...(resume.headline ? [resume.headline] : [])])]
      .map((term) => term.replace(/["]/g, '').trim())
      .filter(Boolean)
      .slice(0, QUERY_TERMS);
    const result = await this.engine.search({
      q: terms.length ? terms.map((term) => `"${term}"`).join(' or ') : undefined,
      sort: 'relevance',
      facets: false,
      limit: RECOMMENDATION_CANDIDATES,
    });
    const ids = result.hits.map((hit) => hit.id);
    if (ids.length === 0) return { items: [] };
    const em = this.em.fork();
    const jobs = await em.find(Job, { id: { $in: ids } });
    const links = await em.find(JobSourceLink, { job: { $in: ids } });
    const scored = jobs
      .map((job) => ({ job, match: matchJob(job, cv.document) }))
      .sort(
        (a, b) =>
          b.match.score - a.match.score ||
          b.job.postedAt.getTime() - a.job.postedAt.getTime() ||
          (a.job.id < b.job.id ? 1 : -1),
      )
      .slice(0, limit);
    return {
      items: scored.map(({ job, match }) => ({
        job: jobSummary(
          job,
          links.filter((link) => link.job.id === job.id),
        ),
        match: { jobId: job.id, cvId, ...match, explanation: null },
      })),
    };
  }
}
