import { EntityManager } from '@mikro-orm/postgresql';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { JobDto } from '../../dto/job.dto';
import { jobDetail } from '../../dto/job-mapper';
import { Job } from '../../entities/job.entity';
import { JobSourceLink } from '../../entities/job-source-link.entity';
import { jobProblems } from '../../jobs.problems';
import { GetJobQuery } from './get-job.query';

/** An expired job is still readable by id (saved jobs and applications point at it), with `status: expired`. */
@QueryHandler(GetJobQuery)
export class GetJobHandler implements IQueryHandler<GetJobQuery, JobDto> {
  constructor(private readonly em: EntityManager) {}

  async execute({ jobId }: GetJobQuery): Promise<JobDto> {
    const em = this.em.fork();
    const job = await em.findOne(Job, { id: jobId });
    if (!job) throw jobProblems.problem('job.not_found', `No job ${jobId}`);
    const links = await em.find(JobSourceLink, { job: jobId });
    return jobDetail(job, links);
  }
}
