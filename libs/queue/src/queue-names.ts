/** Every Bull queue of the application. Job ids are natural keys, so enqueues dedupe. */
export const QUEUES = {
  mail: 'mail',
  identity: 'identity',
  scheduled: 'scheduled',
  files: 'files',
  cvExports: 'cv-exports',
  events: 'events',
  push: 'push',
  notifications: 'notifications',
  billing: 'billing',
  newsletter: 'newsletter',
  hooks: 'hooks',
  dataExports: 'data-exports',
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];
export const ALL_QUEUES: QueueName[] = Object.values(QUEUES);

/** Payload of a `mail` queue job: the id of the stored message to deliver. */
export interface SendMailJob {
  messageId: string;
}

/** Payload of an `identity` queue `password-reset` job. */
export interface PasswordResetJob {
  email: string;
}

/** Payload of a `files` queue `process` job (job id = file id): scan, then make the variants. */
export interface ProcessFileJob {
  fileId: string;
}

/** Payload of a `cv-exports` queue `run-export` job (job id = export id). */
export interface RunCvExportJob {
  exportId: string;
}

/** Payload of an `events` queue job (job id = `${eventId}:${handler}`): one @HandlesEventInJob delivery. */
export interface EventHandlerJob {
  eventId: string;
  handler: string;
}

/** Payload of a `push` queue `deliver` job: a retry of one push to one device (job id = `<key>:<deviceId>`). */
export interface PushDeliveryJob {
  deviceId: string;
  message: { title: string; body: string; url?: string; data?: Record<string, string> };
}

/**
 * Payload of a `notifications` queue `deliver` job (job id = `${type}:${subjectId}:${userId}`):
 * one notification fanned out to its channels.
 */
export interface DeliverNotificationJob {
  userId: string;
  type: string;
  subjectId: string;
  payload: Record<string, unknown>;
}

/**
 * Payload of a `notifications` queue `held-push` job (job id =
 * `held-push:${type}:${subjectId}:${userId}`): a push held back by the user's quiet
 * hours, delayed until they end.
 */
export interface HeldPushJob extends DeliverNotificationJob {
  message: { title: string; body: string; url?: string };
}

/** Payload of a `notifications` queue `collapse` job (job id = `collapse:${windowId}`): a burst's end. */
export interface CollapseNotificationsJob {
  userId: string;
  type: string;
  windowId: string;
}

/** Payload of a `billing` queue `process-event` job (job id = the provider's event id). */
export interface BillingEventJob {
  eventId: string;
}

/** Payload of a `newsletter` queue `send-campaign` job (job id = campaign id). */
export interface SendCampaignJob {
  campaignId: string;
}

/**
 * Payload of a `hooks` queue `deliver` job (job id = `${eventId}:${hookId}`): one event
 * delivered to one webhook subscription; `body` is the exact JSON sent on every attempt.
 */
export interface HookDeliveryJob {
  hookId: string;
  eventId: string;
  body: string;
}

/** Payload of a `data-exports` queue `build` job (job id = export id): one user's GDPR export. */
export interface BuildDataExportJob {
  exportId: string;
}
