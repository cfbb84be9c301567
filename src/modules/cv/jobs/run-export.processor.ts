import { Processor } from '@nestjs/bull';
import { CommandBus } from '@nestjs/cqrs';
import type { Job } from 'bull';
import { auditContext } from '@lib/event-store';
import { QUEUES, TracedProcess, type RunCvExportJob } from '@lib/queue';
import { RunExportCommand } from '../commands/run-export/run-export.command';
import { RUN_EXPORT_JOB } from './export-job';

/** Worker side of the `cv-exports` queue; the page pool bounds how many render at once. */
@Processor(QUEUES.cvExports)
export class RunExportProcessor {
  constructor(private readonly commands: CommandBus) {}

  @TracedProcess({ name: RUN_EXPORT_JOB, concurrency: 4 })
  process(job: Job<RunCvExportJob>): Promise<void> {
    const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    return auditContext.run(
      { actor: { type: 'system', id: 'cv-exports-worker' }, causationId: String(job.id) },
      () => this.commands.execute(new RunExportCommand(job.data.exportId, lastAttempt)),
    );
  }
}
