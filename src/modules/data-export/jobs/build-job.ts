import type { JobOptions } from 'bull';
import type { AppConfig } from '@lib/config';

export const BUILD_DATA_EXPORT_JOB = 'build';

/** Job id = export id (enqueues dedupe); retried with backoff when a module or storage fails. */
export function buildJobOptions(config: AppConfig, exportId: string): JobOptions {
  return {
    jobId: exportId,
    attempts: 3,
    backoff: { type: 'exponential', delay: config.env.QUEUE_BACKOFF_MS },
  };
}
