import type { Role } from '@lib/authz';
import { DomainEvent, DomainEventType } from '@lib/event-store';

export const USER_STREAM = 'user';

@DomainEventType('identity.user_registered')
export class UserRegistered extends DomainEvent<{ role: Role }> {
  constructor(userId: string, payload: { role: Role }) {
    super(USER_STREAM, userId, payload);
  }
}

@DomainEventType('identity.user_logged_in')
export class UserLoggedIn extends DomainEvent<Record<string, never>> {
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
export class EmailVerified extends DomainEvent<Record<string, never>> {
  constructor(userId: string, payload: Record<string, never>) {
    super(USER_STREAM, userId, payload);
  }
}

@DomainEventType('identity.password_changed')
export class PasswordChanged extends DomainEvent<{ reason: 'change' | 'reset' }> {
  constructor(userId: string, payload: { reason: 'change' | 'reset' }) {
    super(USER_STREAM, userId, payload);
  }
}

@DomainEventType('identity.profile_updated')
export class ProfileUpdated extends DomainEvent<{ fields: string[] }> {
  constructor(userId: string, payload: { fields: string[] }) {
    super(USER_STREAM, userId, payload);
  }
}

@DomainEventType('identity.password_reset_requested')
export class PasswordResetRequested extends DomainEvent<Record<string, never>> {
  constructor(userId: string, payload: Record<string, never>) {
    super(USER_STREAM, userId, payload);
  }
}
