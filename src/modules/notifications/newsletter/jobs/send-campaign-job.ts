import type { JobOptions } from 'bull';
import type { AppConfig } from '@lib/config';

export const SEND_CAMPAIGN_JOB = 'send-campaign';
export const REQUEUE_STALLED_CAMPAIGNS_JOB = 'requeue-stalled-campaigns';

/**
 * Job id = campaign id: one send job per campaign, however often it is asked
 * for. A failed attempt (the provider down for long) continues from the
 * pending rows after a capped exponential backoff.
 */
export function sendCampaignJobOptions(
  config: AppConfig,
  campaignId: string,
  delayMs = 0,
): JobOptions {
  return {
    jobId: campaignId,
    delay: Math.max(0, delayMs),
    attempts: 10,
    backoff: {
      type: 'cappedExponential',
      options: { delay: config.env.QUEUE_BACKOFF_MS, maxDelay: 5 * 60_000 },
    },
    removeOnComplete: 1000,
    removeOnFail: 5000,
  };
}
