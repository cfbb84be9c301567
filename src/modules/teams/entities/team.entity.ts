import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { uuidv7 } from 'uuidv7';

/**
 * A team: people working on CVs and cover letters together. `ownerId` mirrors
 * the member with the `owner` role; the owner's subscription gives the seats.
 */
@Entity({ tableName: 'teams' })
@Index({ properties: ['ownerId'] })
export class Team {
  @PrimaryKey({ type: 'uuid' })
  id: string = uuidv7();

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'uuid' })
  ownerId!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  updatedAt: Date = new Date();
}
