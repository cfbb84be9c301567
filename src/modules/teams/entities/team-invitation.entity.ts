import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { uuidv7 } from 'uuidv7';
import type { TeamRole } from './team-member.entity';

export type InvitationStatus = 'pending' | 'accepted' | 'declined' | 'revoked';

/**
 * An invitation by email. The link's token is kept only as its SHA-256
 * (`tokenHash`); resending replaces it, so an older link stops working.
 */
@Entity({ tableName: 'team_invitations' })
@Index({ properties: ['teamId', 'createdAt'] })
@Index({ properties: ['email'] })
export class TeamInvitation {
  @PrimaryKey({ type: 'uuid' })
  id: string = uuidv7();

  @Property({ type: 'uuid' })
  teamId!: string;

  /** Lower-cased address the invitation was sent to; only that account may accept. */
  @Property({ type: 'text' })
  email!: string;

  @Property({ type: 'text' })
  role!: Exclude<TeamRole, 'owner'>;

  @Property({ type: 'text', unique: true, hidden: true })
  tokenHash!: string;

  @Property({ type: 'uuid' })
  invitedBy!: string;

  @Property({ type: 'text' })
  status: InvitationStatus = 'pending';

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  expiresAt!: Date;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  respondedAt?: Date | null;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();
}
