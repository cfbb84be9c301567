import {
  Entity,
  Enum,
  Index,
  ManyToOne,
  PrimaryKey,
  Property,
  Unique,
  type Ref,
} from '@mikro-orm/core';
import { uuidv7 } from 'uuidv7';
import { JobAlert } from './job-alert.entity';

export type AlertDeliveryStatus = 'sent' | 'empty' | 'skipped';

/**
 * One run of one alert: unique per (alert, run), so a run is never mailed twice.
 * `digestId` groups the alerts of one user that went out in one email.
 */
@Entity({ tableName: 'job_alert_deliveries' })
@Unique({ properties: ['alert', 'runAt'] })
@Index({ properties: ['digestId'] })
@Index({ properties: ['userId'] })
export class JobAlertDelivery {
  @PrimaryKey({ type: 'uuid' })
  id: string = uuidv7();

  @ManyToOne(() => JobAlert, { ref: true, deleteRule: 'cascade' })
  alert!: Ref<JobAlert>;

  @Property({ type: 'uuid' })
  userId!: string;

  /** The scheduled run (the alert's `nextRunAt` when it was taken). */
  @Property({ type: 'datetime', columnType: 'timestamptz' })
  runAt!: Date;

  @Property({ type: 'uuid' })
  digestId!: string;

  @Enum({ items: ['sent', 'empty', 'skipped'] })
  status!: AlertDeliveryStatus;

  /** Why a run was skipped (`preferences`). */
  @Property({ type: 'text', nullable: true })
  reason?: string | null;

  @Property({ type: 'json' })
  jobIds: string[] = [];

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();
}
