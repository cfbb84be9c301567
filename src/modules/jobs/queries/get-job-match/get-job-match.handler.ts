import { EntityManager } from '@mikro-orm/postgresql';
import { QueryBus, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { canUseFeature, defineAbilityFor } from '@lib/authz';
import { GetCvQuery } from '../../../cv';
import type { JobMatchDto } from '../../dto/job-match.dto';
import { Job } from '../../entities/job.entity';
import { jobProblems } from '../../jobs.problems';
import { matchJob } from '../../services/job-match';
import { MatchExplainer } from '../../services/match-explainer';
import { GetJobMatchQuery } from './get-job-match.query';

/**
 * How well one of the caller's CVs fits a job (another user's CV is a 404 from the CV
 * module). The score is deterministic; Pro and Premium also get an explanation.
 */
@QueryHandler(GetJobMatchQuery)
export class GetJobMatchHandler implements IQueryHandler<GetJobMatchQuery, JobMatchDto> {
  constructor(
    private readonly em: EntityManager,
    private readonly queries: QueryBus,
    private readonly explainer: MatchExplainer,
  ) {}

  async execute({ actor, jobId, cvId }: GetJobMatchQuery): Promise<JobMatchDto> {
    const cv = await this.queries.execute(new GetCvQuery(actor, cvId));
    const job = await this.em.fork().findOne(Job, { id: jobId });
    if (!job) throw jobProblems.problem('job.not_found', `No job ${jobId}`);
    const match = matchJob(job, cv.document);
    const explanation = canUseFeature(defineAbilityFor(actor), 'aiEnhancement')
      ? await this.explainer.explain(job, match)
      : null;
    return { jobId, cvId, ...match, explanation };
  }
}
