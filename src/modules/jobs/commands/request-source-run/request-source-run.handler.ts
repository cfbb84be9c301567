import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { uuidv7 } from 'uuidv7';
import { UnitOfWork } from '@lib/event-store';
import type { JobSourceRunDto } from '../../dto/job-source.dto';
import { isPaused, JobSourceHealth } from '../../entities/job-source-health.entity';
import { JobSourceRunRequested } from '../../events/jobs.events';
import { JobSources } from '../../job-sources.provider';
import { jobProblems } from '../../jobs.problems';
import { RequestSourceRunCommand } from './request-source-run.command';

/** Records the request in the audit trail; its event handler queues the run after commit. */
@CommandHandler(RequestSourceRunCommand)
export class RequestSourceRunHandler implements ICommandHandler<RequestSourceRunCommand> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly sources: JobSources,
  ) {}

  async execute({ source }: RequestSourceRunCommand): Promise<JobSourceRunDto> {
    const info = this.sources.info(source);
    if (!info) throw jobProblems.problem('job.source_not_found', `No job source "${source}"`);
    if (info.status !== 'active') {
      throw jobProblems.problem(
        'job.source_not_active',
        `${info.label} is ${info.status}: ${info.reason ?? ''}`.trim(),
      );
    }
    const runId = `ingest:${source}:manual:${uuidv7()}`;
    await this.uow.run(async (em, events) => {
      const health = await em.findOne(JobSourceHealth, { source });
      if (isPaused(health, new Date())) {
        throw jobProblems.problem(
          'job.source_paused',
          `${info.label} asked us to wait until ${health!.pausedUntil!.toISOString()} (Retry-After)`,
          { pausedUntil: health!.pausedUntil!.toISOString() },
        );
      }
      events.record(new JobSourceRunRequested(source, runId));
    });
    return { source, runId };
  }
}
