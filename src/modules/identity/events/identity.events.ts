import type { Role } from '@lib/authz';
import { DomainEvent, DomainEventType } from '@lib/event-store';
import { UserEvent } from './user-event';

export const USER_STREAM = 'user';

@DomainEventType('identity.user_registered')
export class UserRegistered extends UserEvent<{ role: Role }> {
  constructor(userId: string, payload: { role: Role }) {
    super(USER_STREAM, userId, payload);
  }
}

@DomainEventType('identity.user_logged_in')
export class UserLoggedIn extends UserEvent<Record<string, never>> {
  constructor(userId: string, payload: Record<string, never>) {
    super(USER_STREAM, userId, payload);
  }
}

export type LoginFailureReason = 'invalid_credentials' | 'account_locked' | 'account_disabled';

/**
 * A failed sign-in; the stream is the IP so that no account id is disclosed.
 * The caller is told `auth.invalid_credentials` whatever the reason.
 */
@DomainEventType('security.login_failed')
export class LoginFailed extends DomainEvent<{ reason: LoginFailureReason }> {
  constructor(ip: string, payload: { reason: LoginFailureReason }) {
    super('security', ip, payload);
  }
}

@DomainEventType('identity.email_verified')
export class EmailVerified extends UserEvent<Record<string, never>> {
  constructor(userId: string, payload: Record<string, never>) {
    super(USER_STREAM, userId, payload);
  }
}

/** A change of address waits for the new address to confirm (addresses are not recorded). */
@DomainEventType('identity.email_change_requested')
export class EmailChangeRequested extends UserEvent<Record<string, never>> {
  constructor(userId: string, payload: Record<string, never>) {
    super(USER_STREAM, userId, payload);
  }
}

@DomainEventType('identity.email_changed')
export class EmailChanged extends UserEvent<Record<string, never>> {
  constructor(userId: string, payload: Record<string, never>) {
    super(USER_STREAM, userId, payload);
  }
}

export interface EmailChangeCancelledPayload {
  /** The user (DELETE /v1/me/email) or the old address ("this wasn't me"). */
  by: 'user' | 'old_address';
  hadPending: boolean;
  lockedUntil: string | null;
}

@DomainEventType('identity.email_change_cancelled')
export class EmailChangeCancelled extends UserEvent<EmailChangeCancelledPayload> {
  constructor(userId: string, payload: EmailChangeCancelledPayload) {
    super(USER_STREAM, userId, payload);
  }
}

@DomainEventType('identity.password_changed')
export class PasswordChanged extends UserEvent<{ reason: 'change' | 'reset' }> {
  constructor(userId: string, payload: { reason: 'change' | 'reset' }) {
    super(USER_STREAM, userId, payload);
  }
}

@DomainEventType('identity.profile_updated')
export class ProfileUpdated extends UserEvent<{ fields: string[] }> {
  constructor(userId: string, payload: { fields: string[] }) {
    super(USER_STREAM, userId, payload);
  }
}

@DomainEventType('identity.password_reset_requested')
export class PasswordResetRequested extends UserEvent<Record<string, never>> {
  constructor(userId: string, payload: Record<string, never>) {
    super(USER_STREAM, userId, payload);
  }
}

/**
 * The account and its data are gone; other modules delete what they hold for
 * the user when they see this. The user's personal data in the event store was
 * crypto-shredded in the same transaction.
 */
@DomainEventType('identity.user_deleted')
export class UserDeleted extends UserEvent<Record<string, never>> {
  constructor(userId: string) {
    super(USER_STREAM, userId, {});
  }
}

/** The user's picture is now the upload `fileId`; `previousFileId` (if any) is to be deleted. */
@DomainEventType('identity.avatar_changed')
export class AvatarChanged extends UserEvent<{ fileId: string; previousFileId: string | null }> {
  constructor(userId: string, payload: { fileId: string; previousFileId: string | null }) {
    super(USER_STREAM, userId, payload);
  }
}

/** The user removed their picture; the upload `fileId` is to be deleted. */
@DomainEventType('identity.avatar_removed')
export class AvatarRemoved extends UserEvent<{ fileId: string }> {
  constructor(userId: string, payload: { fileId: string }) {
    super(USER_STREAM, userId, payload);
  }
}
