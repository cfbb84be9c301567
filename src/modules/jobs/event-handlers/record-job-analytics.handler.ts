import { Injectable } from '@nestjs/common';
import { HandlesEvent, type DomainEventHandler } from '@lib/event-store';
import { AnalyticsRecorder } from '../../analytics';
import {
  JobApplicationCreated,
  JobApplicationStatusChanged,
  JobSaved,
} from '../events/jobs.events';

/** `job_saved` for product analytics; the event id makes it idempotent. */
@Injectable()
@HandlesEvent(JobSaved)
export class RecordJobSavedAnalyticsHandler implements DomainEventHandler<JobSaved> {
  constructor(private readonly analytics: AnalyticsRecorder) {}

  async handle(event: JobSaved): Promise<void> {
    await this.analytics.record({
      name: 'job_saved',
      userId: event.payload.userId,
      properties: { jobId: event.payload.jobId },
      occurredAt: event.occurredAt,
      sourceEventId: event.eventId,
    });
  }
}

/**
 * `job_application_started` when tracking starts; `job_application_completed` when an
 * application is sent (created as, or moved to, `applied`). One row per domain event.
 */
@Injectable()
@HandlesEvent(JobApplicationCreated, JobApplicationStatusChanged)
export class RecordApplicationAnalyticsHandler implements DomainEventHandler<
  JobApplicationCreated | JobApplicationStatusChanged
> {
  constructor(private readonly analytics: AnalyticsRecorder) {}

  async handle(event: JobApplicationCreated | JobApplicationStatusChanged): Promise<void> {
    const base = {
      userId: event.payload.userId,
      properties: { applicationId: event.streamId, jobId: event.payload.jobId },
      occurredAt: event.occurredAt,
    };
    if (event instanceof JobApplicationCreated) {
      await this.analytics.record({
        ...base,
        name: 'job_application_started',
        sourceEventId: event.eventId,
      });
      if (event.payload.status !== 'applied') return;
    } else if (event.payload.to !== 'applied') {
      return;
    }
    // A second row of the same created event: derive a distinct, stable idempotency key.
    await this.analytics.record({
      ...base,
      name: 'job_application_completed',
      sourceEventId:
        event instanceof JobApplicationCreated ? completedKey(event.eventId) : event.eventId,
    });
  }
}

/** A stable UUID-shaped key derived from an event id (the last hex digit flipped). */
function completedKey(eventId: string | undefined): string | undefined {
  if (!eventId) return undefined;
  const last = eventId.slice(-1);
  return eventId.slice(0, -1) + (parseInt(last, 16) ^ 0xf).toString(16);
}
