import type { JobOptions } from 'bull';
import type { AppConfig } from '@lib/config';

export const RUN_EXPORT_JOB = 'run-export';

/** Job id = export id (enqueues dedupe); retries with exponential backoff for a busy or crashed renderer. */
export function exportJobOptions(config: AppConfig, exportId: string): JobOptions {
  return {
    jobId: exportId,
    attempts: config.env.CV_EXPORT_JOB_ATTEMPTS,
    backoff: { type: 'exponential', delay: config.env.QUEUE_BACKOFF_MS },
  };
}
