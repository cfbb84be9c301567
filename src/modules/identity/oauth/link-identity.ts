import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventRecorder } from '@lib/event-store';
import type { User } from '../entities/user.entity';
import { UserIdentity, type OAuthProviderName } from '../entities/user-identity.entity';
import { IdentityLinked } from '../events/oauth.events';

/** Links a provider identity to a user (inside the caller's transaction). */
export function addIdentity(
  em: EntityManager,
  events: EventRecorder,
  user: User,
  provider: OAuthProviderName,
  profile: { subject: string; email: string | null },
): UserIdentity {
  const identity = em.create(UserIdentity, {
    userId: user.id,
    provider,
    subject: profile.subject,
    email: profile.email,
    linkedWhileEmailUnverified: !user.emailVerifiedAt,
    createdAt: new Date(),
  });
  events.record(new IdentityLinked(user.id, { provider }));
  return identity;
}
