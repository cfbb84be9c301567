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
import { Job } from './job.entity';

export const APPLICATION_STATUSES = [
  'interested',
  'applied',
  'interviewing',
  'offer',
  'rejected',
  'withdrawn',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** A user's tracking of one job: status, notes, dates, and which CV version and letter went out. */
@Entity({ tableName: 'job_applications' })
@Unique({ properties: ['userId', 'job'] })
@Index({ properties: ['userId', 'updatedAt'] })
export class JobApplication {
  @PrimaryKey({ type: 'uuid' })
  id: string = uuidv7();

  @Property({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => Job, { ref: true, deleteRule: 'cascade' })
  job!: Ref<Job>;

  @Enum({ items: [...APPLICATION_STATUSES] })
  status: ApplicationStatus = 'interested';

  @Property({ type: 'uuid', nullable: true })
  cvId?: string | null;

  /** The CV's version when it was attached: which CV version went to which job. */
  @Property({ type: 'integer', nullable: true })
  cvVersion?: number | null;

  @Property({ type: 'uuid', nullable: true })
  coverLetterId?: string | null;

  @Property({ type: 'text', nullable: true })
  notes?: string | null;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  appliedAt?: Date | null;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  updatedAt: Date = new Date();
}
