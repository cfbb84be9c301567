/** Job names of the social publisher on the `scheduled` queue. */
export const SOCIAL_PUBLISH = 'social-publish';
export const SOCIAL_CONFIRM = 'social-confirm';
export const SOCIAL_REFRESH_TOKENS = 'social-refresh-tokens';
export const SOCIAL_COLLECT_METRICS = 'social-collect-metrics';

/** Job id `publish:<targetId>:<scheduledAt ms>`: a reschedule is a new job, a redelivery is not. */
export interface PublishTargetJob {
  targetId: string;
  scheduledAt: string;
}

/** Job id `confirm:<targetId>:<attemptedAt ms>`. */
export interface ConfirmTargetJob {
  targetId: string;
}

export const publishJobId = (targetId: string, scheduledAt: Date) =>
  `publish:${targetId}:${scheduledAt.getTime()}`;
