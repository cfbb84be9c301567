import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import type { Feature, PlanQuotas, PlanRateLimits, Tier } from '@lib/authz';

/** The plan catalog as rows, so billing and reports can join on it. Written from code at boot. */
@Entity({ tableName: 'plans' })
export class PlanRecord {
  @PrimaryKey({ type: 'text' })
  tier!: Tier;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'integer' })
  priceCents!: number;

  @Property({ type: 'text' })
  currency!: string;

  @Property({ type: 'text', nullable: true })
  interval!: string | null;

  @Property({ type: 'json' })
  features!: Feature[];

  @Property({ type: 'json' })
  quotas!: PlanQuotas;

  @Property({ type: 'json' })
  rateLimits!: PlanRateLimits;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  updatedAt: Date = new Date();
}
