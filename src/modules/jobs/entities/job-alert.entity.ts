import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { uuidv7 } from 'uuidv7';

export const ALERT_FREQUENCIES = ['daily', 'weekly'] as const;
export type AlertFrequency = (typeof ALERT_FREQUENCIES)[number];

/** The search filters an alert keeps (those of `GET /v1/jobs` that describe which jobs, not how to page). */
export interface JobAlertFilters {
  location?: string;
  remote?: boolean;
  workplaceType?: string;
  employmentType?: string;
  seniority?: string;
  salaryMin?: number;
  salaryCurrency?: string;
  source?: string;
  company?: string;
}

/**
 * A saved search that mails new matches: jobs first seen after `watermark`,
 * at `hour` in `timezone`, daily or on Mondays. Private to its user, erased with the account.
 */
@Entity({ tableName: 'job_alerts' })
@Index({ properties: ['userId', 'createdAt'] })
@Index({ properties: ['nextRunAt'] })
export class JobAlert {
  @PrimaryKey({ type: 'uuid' })
  id: string = uuidv7();

  @Property({ type: 'uuid' })
  userId!: string;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'text', nullable: true })
  query?: string | null;

  @Property({ type: 'json' })
  filters: JobAlertFilters = {};

  @Enum({ items: [...ALERT_FREQUENCIES] })
  frequency!: AlertFrequency;

  /** Local hour (0–23) in `timezone` when the digest goes out. */
  @Property({ type: 'smallint' })
  hour!: number;

  @Property({ type: 'text' })
  timezone!: string;

  /** Jobs first seen after this instant are new to the alert; every run moves it. */
  @Property({ type: 'datetime', columnType: 'timestamptz' })
  watermark!: Date;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  nextRunAt!: Date;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  lastRunAt?: Date | null;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  updatedAt: Date = new Date();
}
