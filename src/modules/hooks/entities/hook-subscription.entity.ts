import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { uuidv7 } from 'uuidv7';
import type { HookEventName } from '../hook-events';

/** Why a subscription stopped receiving deliveries. `gone`: the target answered 410. */
export type HookDeactivationReason = 'gone';

/**
 * A Zapier-style REST hook: `event`s of its owner are POSTed to `targetUrl`,
 * signed with the subscription's secret (sealed at rest, shown once).
 */
@Entity({ tableName: 'hook_subscriptions' })
@Unique({ properties: ['userId', 'event', 'targetUrl'] })
@Index({ properties: ['userId', 'createdAt'] })
@Index({ properties: ['event', 'active'] })
export class HookSubscription {
  @PrimaryKey({ type: 'uuid' })
  id: string = uuidv7();

  @Property({ type: 'uuid' })
  userId!: string;

  @Property({ type: 'text' })
  event!: HookEventName;

  @Property({ type: 'text' })
  targetUrl!: string;

  /** `whsec_…` sealed with SecretBox, bound to this row (`hook_subscriptions.secret:<id>`). */
  @Property({ type: 'text', hidden: true })
  secretSealed!: string;

  @Property({ type: 'boolean' })
  active: boolean = true;

  @Property({ type: 'text', nullable: true })
  deactivatedReason?: HookDeactivationReason | null;

  @Property({ type: 'timestamptz', nullable: true })
  deactivatedAt?: Date | null;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}

export const hookSecretContext = (hookId: string) => `hook_subscriptions.secret:${hookId}`;
