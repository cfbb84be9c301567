import { Injectable } from '@nestjs/common';
import { HandlesEvent, type DomainEventHandler } from '@lib/event-store';
import { AnalyticsRecorder } from '../../analytics';
import { CvCreated, CvDownloaded } from '../events/cv.events';

/** The brief's product analytics (`cv_created`, `cv_downloaded`), one row per domain event. */
@Injectable()
@HandlesEvent(CvCreated, CvDownloaded)
export class RecordCvAnalyticsHandler implements DomainEventHandler<CvCreated | CvDownloaded> {
  constructor(private readonly analytics: AnalyticsRecorder) {}

  async handle(event: CvCreated | CvDownloaded): Promise<void> {
    const properties =
      event instanceof CvCreated
        ? { cvId: event.streamId, source: event.payload.source }
        : { cvId: event.streamId, format: event.payload.format };
    await this.analytics.record({
      name: event instanceof CvCreated ? 'cv_created' : 'cv_downloaded',
      userId: event.payload.ownerId,
      properties,
      occurredAt: event.occurredAt,
      sourceEventId: event.eventId,
    });
  }
}
