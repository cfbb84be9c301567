import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { uuidv7 } from 'uuidv7';

/**
 * `delivered`: 2xx; `retrying`: timeout, network error, 429 or 5xx with attempts left;
 * `failed`: any other answer, a refused target, or the last attempt; `gone`: 410
 * (the subscription is deactivated).
 */
export type HookAttemptOutcome = 'delivered' | 'retrying' | 'failed' | 'gone';

/** One HTTP attempt of one event's delivery to one subscription. */
@Entity({ tableName: 'hook_delivery_attempts' })
@Index({ properties: ['hookId', 'attemptedAt'] })
export class HookDeliveryAttempt {
  @PrimaryKey({ type: 'uuid' })
  id: string = uuidv7();

  @Property({ type: 'uuid' })
  hookId!: string;

  /** The domain event delivered; also the `webhook-id` header. */
  @Property({ type: 'uuid' })
  eventId!: string;

  @Property({ type: 'text' })
  eventType!: string;

  @Property({ type: 'integer' })
  attempt!: number;

  @Property({ type: 'timestamptz' })
  attemptedAt: Date = new Date();

  @Property({ type: 'integer', nullable: true })
  statusCode?: number | null;

  @Property({ type: 'integer' })
  durationMs!: number;

  @Property({ type: 'text' })
  outcome!: HookAttemptOutcome;

  @Property({ type: 'text', nullable: true })
  error?: string | null;

  @Property({ type: 'timestamptz', nullable: true })
  nextRetryAt?: Date | null;
}
