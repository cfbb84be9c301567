import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { PLAN_CATALOG } from '@lib/authz';
import { BillingSubscription } from '../billing';
import { User } from '../identity';
import type { Team } from './entities/team.entity';
import { TeamInvitation } from './entities/team-invitation.entity';
import { TeamMember } from './entities/team-member.entity';

/**
 * Seats when the owner has the plan without a subscription of ours (granted by
 * an administrator): the owner and two more.
 */
export const SEATS_WITHOUT_SUBSCRIPTION = 3;

/** A subscription in one of these states still carries its quantity. */
const LIVE = ['active', 'trialing', 'past_due'] as const;

export interface SeatLimit {
  seats: number;
  /** False once the owner's plan no longer includes teams: only the owner's seat is left. */
  teamPlan: boolean;
}

/**
 * Seats come from the owner's subscription quantity (team plans). Who is
 * frozen is computed on every read from the members' join order, so a
 * downgrade freezes the latest to join and an upgrade unfreezes them, without
 * anything stored or deleted.
 */
@Injectable()
export class TeamSeats {
  async limitFor(em: EntityManager, ownerId: string): Promise<SeatLimit> {
    const owner = await em.findOne(User, ownerId, { fields: ['tier'] });
    const teamPlan = !!owner && PLAN_CATALOG[owner.tier].features.includes('teamCollaboration');
    if (!teamPlan) return { seats: 1, teamPlan: false };
    const subscription = await em.findOne(
      BillingSubscription,
      { userId: ownerId, plan: 'premium', status: { $in: [...LIVE] } },
      { orderBy: { updatedAt: 'desc' } },
    );
    return {
      seats: subscription ? Math.max(1, subscription.seats) : SEATS_WITHOUT_SUBSCRIPTION,
      teamPlan: true,
    };
  }

  /** Members past the seat count: the owner keeps a seat, then the earliest to join. */
  async frozenUserIds(em: EntityManager, team: Team): Promise<Set<string>> {
    const { seats } = await this.limitFor(em, team.ownerId);
    const members = await em.find(
      TeamMember,
      { teamId: team.id },
      { orderBy: { joinedAt: 'asc', id: 'asc' } },
    );
    const ordered = [
      ...members.filter((m) => m.userId === team.ownerId),
      ...members.filter((m) => m.userId !== team.ownerId),
    ];
    return new Set(ordered.slice(seats).map((m) => m.userId));
  }

  /** Seats taken: members plus invitations still pending and unexpired. */
  async taken(em: EntityManager, teamId: string, now = new Date()): Promise<number> {
    const [members, pending] = await Promise.all([
      em.count(TeamMember, { teamId }),
      em.count(TeamInvitation, { teamId, status: 'pending', expiresAt: { $gt: now } }),
    ]);
    return members + pending;
  }
}
