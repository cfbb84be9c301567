import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { uuidv7 } from 'uuidv7';

/** The product analytics events the brief names; extend as modules start recording others. */
export type AnalyticsEventName =
  | 'user_registered'
  | 'user_active'
  | 'cv_created'
  | 'cv_downloaded'
  | 'cv_enhanced_ai'
  | 'plan_upgrade_started'
  | 'plan_upgrade_completed'
  | 'subscription_cancelled'
  | 'job_search_performed'
  | 'job_saved'
  | 'job_application_started'
  | 'job_application_completed'
  | 'social_account_connected'
  | 'social_post_scheduled'
  | 'social_post_published';

export interface AnalyticsEventInput {
  name: AnalyticsEventName;
  userId: string | null;
  properties?: Record<string, unknown>;
  occurredAt?: Date;
  /** The domain event this one comes from; makes recording it idempotent. */
  sourceEventId?: string;
}

/** Writes analytics events; other modules call it from their event handlers. */
@Injectable()
export class AnalyticsRecorder {
  constructor(private readonly em: EntityManager) {}

  async record(event: AnalyticsEventInput): Promise<void> {
    await this.em.fork().execute(
      `insert into analytics_events (id, name, user_id, properties, occurred_at, source_event_id)
       values (?, ?, ?, ?::jsonb, ?, ?) on conflict (source_event_id) do nothing`,
      [
        uuidv7(),
        event.name,
        event.userId,
        JSON.stringify(event.properties ?? {}),
        event.occurredAt ?? new Date(),
        event.sourceEventId ?? null,
      ],
    );
  }
}
