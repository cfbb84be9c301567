import { Processor } from '@nestjs/bull';
import { CommandBus } from '@nestjs/cqrs';
import type { Job } from 'bull';
import { auditContext } from '@lib/event-store';
import { QUEUES, TracedProcess, type ProcessFileJob } from '@lib/queue';
import { ProcessFileCommand } from '../commands/process-file/process-file.command';
import { PROCESS_FILE_JOB } from './processing-job';

/** Worker side of the `files` queue; retries (capped backoff) come from the job's options. */
@Processor(QUEUES.files)
export class ProcessFileProcessor {
  constructor(private readonly commands: CommandBus) {}

  // One upload at a time per worker: processing is CPU- and memory-heavy (sharp, chromium, ffmpeg).
  @TracedProcess({ name: PROCESS_FILE_JOB, concurrency: 1 })
  process(job: Job<ProcessFileJob>): Promise<{ status: string }> {
    return auditContext.run(
      { actor: { type: 'system', id: 'files-worker' }, causationId: String(job.id) },
      () => this.commands.execute(new ProcessFileCommand(job.data.fileId)),
    );
  }
}
