import { Injectable } from '@nestjs/common';
import { HandlesEvent, type DomainEventHandler } from '@lib/event-store';
import { AnalyticsRecorder, type AnalyticsEventInput } from '../../analytics';
import { CvAiEnhanced, CvCreated, CvDownloaded } from '../events/cv.events';

type Recorded = CvCreated | CvDownloaded | CvAiEnhanced;

/** The brief's product analytics (`cv_created`, `cv_downloaded`, `cv_enhanced_ai`), one row per domain event. */
@Injectable()
@HandlesEvent(CvCreated, CvDownloaded, CvAiEnhanced)
export class RecordCvAnalyticsHandler implements DomainEventHandler<Recorded> {
  constructor(private readonly analytics: AnalyticsRecorder) {}

  async handle(event: Recorded): Promise<void> {
    await this.analytics.record({
      ...analyticsOf(event),
      userId: event.payload.ownerId,
      occurredAt: event.occurredAt,
      sourceEventId: event.eventId,
    });
  }
}

function analyticsOf(event: Recorded): Pick<AnalyticsEventInput, 'name' | 'properties'> {
  const cvId = event.streamId;
  if (event instanceof CvCreated) {
    return { name: 'cv_created', properties: { cvId, source: event.payload.source } };
  }
  if (event instanceof CvDownloaded) {
    return { name: 'cv_downloaded', properties: { cvId, format: event.payload.format } };
  }
  const { section, suggestions, provider, model } = event.payload;
  return { name: 'cv_enhanced_ai', properties: { cvId, section, suggestions, provider, model } };
}
