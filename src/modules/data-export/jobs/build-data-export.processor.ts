import { Processor } from '@nestjs/bull';
import { CommandBus } from '@nestjs/cqrs';
import type { Job } from 'bull';
import { auditContext } from '@lib/event-store';
import { QUEUES, TracedProcess, type BuildDataExportJob } from '@lib/queue';
import { BuildDataExportCommand } from '../commands/build-data-export/build-data-export.command';
import { BUILD_DATA_EXPORT_JOB } from './build-job';

/** Worker side of the `data-exports` queue: one export at a time per worker (they read a lot). */
@Processor(QUEUES.dataExports)
export class BuildDataExportProcessor {
  constructor(private readonly commands: CommandBus) {}

  @TracedProcess({ name: BUILD_DATA_EXPORT_JOB, concurrency: 1 })
  process(job: Job<BuildDataExportJob>): Promise<void> {
    const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    return auditContext.run(
      { actor: { type: 'system', id: 'data-exports-worker' }, causationId: String(job.id) },
      () => this.commands.execute(new BuildDataExportCommand(job.data.exportId, lastAttempt)),
    );
  }
}
