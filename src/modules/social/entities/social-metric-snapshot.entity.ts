import { Entity, Index, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { uuidv7 } from 'uuidv7';
import { SocialPostTarget } from './social-post-target.entity';

/** A published target's counters at one moment; the series over time is the history. */
@Entity({ tableName: 'social_metric_snapshots' })
@Index({ properties: ['target', 'capturedAt'] })
@Index({ properties: ['userId', 'capturedAt'] })
export class SocialMetricSnapshot {
  @PrimaryKey({ type: 'uuid' })
  id: string = uuidv7();

  @ManyToOne(() => SocialPostTarget, { ref: true, deleteRule: 'cascade' })
  target!: Ref<SocialPostTarget>;

  @Property({ type: 'uuid' })
  userId!: string;

  @Property({ type: 'uuid' })
  accountId!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  capturedAt: Date = new Date();

  @Property({ type: 'integer' })
  likes!: number;

  @Property({ type: 'integer' })
  comments!: number;

  @Property({ type: 'integer' })
  shares!: number;

  @Property({ type: 'integer', nullable: true })
  impressions?: number | null;
}
