import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { uuidv7 } from 'uuidv7';

export const TEAM_ROLES = ['owner', 'admin', 'member'] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];

/** One person in one team. Whether they are frozen is computed from the seats, never stored. */
@Entity({ tableName: 'team_members' })
@Unique({ properties: ['teamId', 'userId'] })
@Index({ properties: ['userId'] })
export class TeamMember {
  @PrimaryKey({ type: 'uuid' })
  id: string = uuidv7();

  @Property({ type: 'uuid' })
  teamId!: string;

  @Property({ type: 'uuid' })
  userId!: string;

  @Property({ type: 'text' })
  role!: TeamRole;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  joinedAt: Date = new Date();
}
