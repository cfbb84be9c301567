import { Injectable } from '@nestjs/common';
import { HandlesEvent, type DomainEventHandler } from '@lib/event-store';
import { AnalyticsRecorder } from '../../analytics';
import {
  SocialAccountConnected,
  SocialPostFailed,
  SocialPostPublished,
  SocialPostScheduled,
} from '../events/social.events';

type Recorded =
  SocialAccountConnected | SocialPostScheduled | SocialPostPublished | SocialPostFailed;

/**
 * `social_account_connected`, `social_post_scheduled`, `social_post_published` and
 * `social_post_failed` (a target failed for good; the dashboard's success rate); idempotent by event id.
 */
@Injectable()
@HandlesEvent(SocialAccountConnected, SocialPostScheduled, SocialPostPublished, SocialPostFailed)
export class RecordSocialAnalyticsHandler implements DomainEventHandler<Recorded> {
  constructor(private readonly analytics: AnalyticsRecorder) {}

  async handle(event: Recorded): Promise<void> {
    const base = {
      userId: event.payload.userId,
      occurredAt: event.occurredAt,
      sourceEventId: event.eventId,
    };
    if (event instanceof SocialAccountConnected) {
      await this.analytics.record({
        ...base,
        name: 'social_account_connected',
        properties: { accountId: event.streamId, network: event.payload.network },
      });
    } else if (event instanceof SocialPostScheduled) {
      await this.analytics.record({
        ...base,
        name: 'social_post_scheduled',
        properties: {
          postId: event.streamId,
          networks: [...new Set(event.payload.targets.map((t) => t.network))],
          targets: event.payload.targets.length,
        },
      });
    } else if (event instanceof SocialPostFailed) {
      await this.analytics.record({
        ...base,
        name: 'social_post_failed',
        properties: {
          postId: event.streamId,
          targetId: event.payload.targetId,
          network: event.payload.network,
          retryable: event.payload.retryable,
        },
      });
    } else {
      await this.analytics.record({
        ...base,
        name: 'social_post_published',
        properties: {
          postId: event.streamId,
          targetId: event.payload.targetId,
          network: event.payload.network,
          via: event.payload.via,
        },
      });
    }
  }
}
