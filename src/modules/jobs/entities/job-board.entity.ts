import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** A company board an admin follows (Greenhouse board token, Lever site, Ashby board name). */
@Entity({ tableName: 'job_boards' })
export class JobBoard {
  @PrimaryKey({ type: 'text' })
  source!: string;

  @PrimaryKey({ type: 'text' })
  token!: string;

  /** Postings the board listed when it was added (its probe). */
  @Property({ type: 'integer' })
  postingsAtProbe: number = 0;

  @Property({ type: 'uuid', nullable: true })
  addedBy?: string | null;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();
}
