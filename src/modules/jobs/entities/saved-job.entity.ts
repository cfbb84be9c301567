import { Entity, Index, ManyToOne, PrimaryKey, Property, Unique, type Ref } from '@mikro-orm/core';
import { uuidv7 } from 'uuidv7';
import { Job } from './job.entity';

/** A job a user keeps; private to that user, erased with the account. */
@Entity({ tableName: 'saved_jobs' })
@Unique({ properties: ['userId', 'job'] })
@Index({ properties: ['userId', 'createdAt'] })
export class SavedJob {
  @PrimaryKey({ type: 'uuid' })
  id: string = uuidv7();

  @Property({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => Job, { ref: true, deleteRule: 'cascade' })
  job!: Ref<Job>;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();
}
