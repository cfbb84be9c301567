/** Every Bull queue of the application. Job ids are natural keys, so enqueues dedupe. */
export const QUEUES = {
  mail: 'mail',
  identity: 'identity',
  scheduled: 'scheduled',
  files: 'files',
  cvExports: 'cv-exports',
  events: 'events',
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
