import type { Role, Tier } from '@lib/authz';
import { DomainEventType } from '@lib/event-store';
import { UserEvent } from './user-event';
import { USER_STREAM } from './identity.events';

// Sign-in protection and admin changes to an account, all on the user stream.

/** Too many failed sign-ins in a row: sign-in is refused until `lockedUntil`. */
@DomainEventType('security.account_locked')
export class AccountLocked extends UserEvent<{ failures: number; lockedUntil: string }> {
  constructor(userId: string, payload: { failures: number; lockedUntil: string }) {
    super(USER_STREAM, userId, payload);
  }
}

@DomainEventType('identity.user_locked')
export class UserLocked extends UserEvent<{ lockedUntil: string }> {
  constructor(userId: string, payload: { lockedUntil: string }) {
    super(USER_STREAM, userId, payload);
  }
}

@DomainEventType('identity.user_unlocked')
export class UserUnlocked extends UserEvent<Record<string, never>> {
  constructor(userId: string, payload: Record<string, never>) {
    super(USER_STREAM, userId, payload);
  }
}

@DomainEventType('identity.user_disabled')
export class UserDisabled extends UserEvent<Record<string, never>> {
  constructor(userId: string, payload: Record<string, never>) {
    super(USER_STREAM, userId, payload);
  }
}

@DomainEventType('identity.user_enabled')
export class UserEnabled extends UserEvent<Record<string, never>> {
  constructor(userId: string, payload: Record<string, never>) {
    super(USER_STREAM, userId, payload);
  }
}

@DomainEventType('identity.user_tier_changed')
export class UserTierChanged extends UserEvent<{ from: Tier; to: Tier }> {
  constructor(userId: string, payload: { from: Tier; to: Tier }) {
    super(USER_STREAM, userId, payload);
  }
}

@DomainEventType('identity.user_role_changed')
export class UserRoleChanged extends UserEvent<{ from: Role; to: Role }> {
  constructor(userId: string, payload: { from: Role; to: Role }) {
    super(USER_STREAM, userId, payload);
  }
}
