import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AppConfig } from '@lib/config';
import { User } from '../identity';
import { EmailRenderer, MailOutbox } from '../mail';
import { teamEmails } from '../notifications';
import type { Team } from './entities/team.entity';
import type { TeamInvitation } from './entities/team-invitation.entity';

/** How long an invitation link works. */
export const INVITATION_TTL_DAYS = 7;

export const hashInvitationToken = (token: string) =>
  createHash('sha256').update(token).digest('hex');

/** A new link token: 256 random bits; only its hash is stored. */
export function newInvitationToken(): { token: string; hash: string } {
  const token = `ti_${randomBytes(32).toString('base64url')}`;
  return { token, hash: hashInvitationToken(token) };
}

/**
 * Queues the invitation email in the caller's transaction, in the invitee's
 * language when they have an account. The link carries a live token, so the
 * stored copy has it redacted (MailOutbox `liveLinks`); the token is never in
 * a notification payload or a log.
 */
@Injectable()
export class InvitationMail {
  constructor(
    private readonly outbox: MailOutbox,
    private readonly renderer: EmailRenderer,
    private readonly config: AppConfig,
  ) {}

  async queue(
    em: EntityManager,
    team: Team,
    invitation: TeamInvitation,
    token: string,
  ): Promise<void> {
    const [inviter, invitee] = await Promise.all([
      em.findOne(User, invitation.invitedBy, { fields: ['name'] }),
      em.findOne(User, { email: invitation.email }, { fields: ['preferences'] }),
    ]);
    const link = `${this.config.env.FRONTEND_URL}/teams/join?token=${token}`;
    const email = await this.renderer.render(
      teamEmails['team-invitation'],
      { inviter: inviter?.name ?? 'A teammate', team: team.name, link, days: INVITATION_TTL_DAYS },
      { language: invitee?.preferences?.language },
    );
    this.outbox.queue(em, [invitation.email], email, {
      template: email.template,
      liveLinks: [link],
    });
  }
}
