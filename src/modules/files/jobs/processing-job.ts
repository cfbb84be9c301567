import type { JobOptions } from 'bull';
import type { AppConfig } from '@lib/config';

export const PROCESS_FILE_JOB = 'process';
export const REQUEUE_STALLED_UPLOADS_JOB = 'requeue-stalled-uploads';

/**
 * Options of a file's `process` job: job id = file id (enqueues dedupe), and
 * many attempts with capped exponential backoff, so a clamd outage of hours
 * leaves files pending and they go through once clamd answers again.
 */
export function processingJobOptions(config: AppConfig, fileId: string): JobOptions {
  const env = config.env;
  return {
    jobId: fileId,
    attempts: env.FILES_JOB_ATTEMPTS,
    backoff: {
      type: 'cappedExponential',
      options: { delay: env.QUEUE_BACKOFF_MS, maxDelay: env.FILES_RETRY_MAX_DELAY_MS },
    },
  };
}
