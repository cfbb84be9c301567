import { DomainEvent, DomainEventType } from '@lib/event-store';

export const JOB_SOURCE_STREAM = 'job_source';

export interface JobSourceIngestedPayload {
  added: number;
  merged: number;
  updated: number;
  skipped: number;
  expired: number;
}

/** One source's run changed what search shows (new, merged, updated or expired postings). */
@DomainEventType('jobs.source_ingested')
export class JobSourceIngested extends DomainEvent<JobSourceIngestedPayload> {
  constructor(source: string, payload: JobSourceIngestedPayload) {
    super(JOB_SOURCE_STREAM, source, payload);
  }
}

/** An admin asked for a source's run now. */
@DomainEventType('jobs.source_run_requested')
export class JobSourceRunRequested extends DomainEvent<{ runId: string }> {
  constructor(source: string, runId: string) {
    super(JOB_SOURCE_STREAM, source, { runId });
  }
}

/** An admin follows a company board (Greenhouse, Lever or Ashby). */
@DomainEventType('jobs.board_followed')
export class JobBoardFollowed extends DomainEvent<{ token: string; postings: number }> {
  constructor(source: string, payload: { token: string; postings: number }) {
    super(JOB_SOURCE_STREAM, source, payload);
  }
}

/** An admin stops following a company board; its postings expire with the source's next run. */
@DomainEventType('jobs.board_unfollowed')
export class JobBoardUnfollowed extends DomainEvent<{ token: string }> {
  constructor(source: string, token: string) {
    super(JOB_SOURCE_STREAM, source, { token });
  }
}

export const SAVED_JOB_STREAM = 'saved_job';

@DomainEventType('jobs.job_saved')
export class JobSaved extends DomainEvent<{ userId: string; jobId: string }> {
  constructor(savedJobId: string, payload: { userId: string; jobId: string }) {
    super(SAVED_JOB_STREAM, savedJobId, payload);
  }
}

@DomainEventType('jobs.job_unsaved')
export class JobUnsaved extends DomainEvent<{
  userId: string;
  jobId: string;
  reason: 'user' | 'account_deleted';
}> {
  constructor(
    savedJobId: string,
    payload: { userId: string; jobId: string; reason: 'user' | 'account_deleted' },
  ) {
    super(SAVED_JOB_STREAM, savedJobId, payload);
  }
}

export const APPLICATION_STREAM = 'job_application';

@DomainEventType('jobs.application_created')
export class JobApplicationCreated extends DomainEvent<{
  userId: string;
  jobId: string;
  status: string;
}> {
  constructor(applicationId: string, payload: { userId: string; jobId: string; status: string }) {
    super(APPLICATION_STREAM, applicationId, payload);
  }
}

@DomainEventType('jobs.application_status_changed')
export class JobApplicationStatusChanged extends DomainEvent<{
  userId: string;
  jobId: string;
  from: string;
  to: string;
}> {
  constructor(
    applicationId: string,
    payload: { userId: string; jobId: string; from: string; to: string },
  ) {
    super(APPLICATION_STREAM, applicationId, payload);
  }
}

@DomainEventType('jobs.application_deleted')
export class JobApplicationDeleted extends DomainEvent<{
  userId: string;
  reason: 'user' | 'account_deleted';
}> {
  constructor(
    applicationId: string,
    payload: { userId: string; reason: 'user' | 'account_deleted' },
  ) {
    super(APPLICATION_STREAM, applicationId, payload);
  }
}

export const JOB_ALERT_STREAM = 'job_alert';

@DomainEventType('jobs.alert_created')
export class JobAlertCreated extends DomainEvent<{ userId: string; frequency: string }> {
  constructor(alertId: string, payload: { userId: string; frequency: string }) {
    super(JOB_ALERT_STREAM, alertId, payload);
  }
}

@DomainEventType('jobs.alert_updated')
export class JobAlertUpdated extends DomainEvent<{ userId: string; frequency: string }> {
  constructor(alertId: string, payload: { userId: string; frequency: string }) {
    super(JOB_ALERT_STREAM, alertId, payload);
  }
}

@DomainEventType('jobs.alert_deleted')
export class JobAlertDeleted extends DomainEvent<{
  userId: string;
  reason: 'user' | 'account_deleted';
}> {
  constructor(alertId: string, payload: { userId: string; reason: 'user' | 'account_deleted' }) {
    super(JOB_ALERT_STREAM, alertId, payload);
  }
}

export const JOB_ALERT_DIGEST_STREAM = 'job_alert_digest';

/**
 * One user's due alerts ran and found new jobs: the digest (its deliveries share
 * `digestId` = the stream id) is to be mailed. Names no jobs or queries: those stay in tables.
 */
@DomainEventType('jobs.alert_digest_ready')
export class JobAlertDigestReady extends DomainEvent<{
  userId: string;
  frequency: 'daily' | 'weekly';
  jobs: number;
}> {
  constructor(
    digestId: string,
    payload: { userId: string; frequency: 'daily' | 'weekly'; jobs: number },
  ) {
    super(JOB_ALERT_DIGEST_STREAM, digestId, payload);
  }
}
