import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { uuidv7 } from 'uuidv7';

/** The product analytics events recorded server-side; extend as modules start recording others. */
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
  | 'social_post_published'
  | 'social_post_failed'
  // Operations (no user; GA4 forwarding skips them): the dashboard's job ingestion health.
  | 'job_ingestion_succeeded'
  | 'job_ingestion_failed';

export interface AnalyticsEventInput {
  name: AnalyticsEventName;
  userId: string | null;
  properties?: Record<string, unknown>;
  /** The domain event's time; with `sourceEventId` it is part of the idempotency key. */
  occurredAt?: Date;
  /** The domain event this one comes from; makes recording it idempotent. */
  sourceEventId?: string;
}

/** A client event, validated, about to be stored. */
export interface ClientAnalyticsEvent {
  name: string;
  userId: string | null;
  clientId: string;
  properties: Record<string, unknown>;
  occurredAt: Date;
}

/** Writes analytics events; other modules call it from their event handlers. */
@Injectable()
export class AnalyticsRecorder {
  constructor(private readonly em: EntityManager) {}

  async record(event: AnalyticsEventInput): Promise<void> {
    await this.insert([
      {
        id: uuidv7(),
        name: event.name,
        userId: event.userId,
        clientId: null,
        properties: event.properties ?? {},
        occurredAt: event.occurredAt ?? new Date(),
        sourceEventId: event.sourceEventId ?? null,
      },
    ]);
  }

  /** Stores client events (already validated); they have no source event. */
  async recordClientEvents(events: ClientAnalyticsEvent[]): Promise<void> {
    await this.insert(events.map((e) => ({ ...e, id: uuidv7(), sourceEventId: null })));
  }

  private async insert(
    rows: Array<
      Omit<ClientAnalyticsEvent, 'clientId'> & {
        id: string;
        clientId: string | null;
        sourceEventId: string | null;
      }
    >,
  ): Promise<void> {
    if (rows.length === 0) return;
    await this.em.fork().execute(
      `insert into analytics_events (id, name, user_id, client_id, properties, occurred_at, source_event_id)
       select id, name, user_id, client_id, properties, occurred_at, source_event_id
       from jsonb_to_recordset(?::jsonb) as r(id uuid, name text, user_id uuid, client_id text,
         properties jsonb, occurred_at timestamptz, source_event_id uuid)
       on conflict (source_event_id, occurred_at) do nothing`,
      [
        JSON.stringify(
          rows.map((r) => ({
            id: r.id,
            name: r.name,
            user_id: r.userId,
            client_id: r.clientId,
            properties: r.properties,
            occurred_at: r.occurredAt.toISOString(),
            source_event_id: r.sourceEventId,
          })),
        ),
      ],
    );
  }
}
