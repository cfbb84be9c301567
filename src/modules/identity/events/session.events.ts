import { DomainEvent, DomainEventType } from '@lib/event-store';
import { UserOwnedEvent } from './user-event';

export const SESSION_STREAM = 'session';

@DomainEventType('identity.session_started')
export class SessionStarted extends UserOwnedEvent<{ userId: string }> {
  constructor(familyId: string, userId: string) {
    super(SESSION_STREAM, familyId, { userId });
  }
}

/** An admin started a read-only impersonation session as the user (the session is the stream). */
@DomainEventType('identity.impersonation_started')
export class ImpersonationStarted extends UserOwnedEvent<{
  userId: string;
  adminId: string;
  reason: string;
  expiresAt: string;
}> {
  constructor(
    sessionId: string,
    payload: { userId: string; adminId: string; reason: string; expiresAt: string },
  ) {
    super(SESSION_STREAM, sessionId, payload);
  }
}

export type SessionEndReason =
  'logout' | 'revoked' | 'logout_all' | 'password_changed' | 'account_disabled';

@DomainEventType('identity.session_ended')
export class SessionEnded extends UserOwnedEvent<{ userId: string; reason: SessionEndReason }> {
  constructor(familyId: string, payload: { userId: string; reason: SessionEndReason }) {
    super(SESSION_STREAM, familyId, payload);
  }
}

/** A refresh token was presented again after rotation: the family is revoked. */
@DomainEventType('security.refresh_token_reused')
export class RefreshTokenReused extends UserOwnedEvent<{ userId: string; tokenId: string }> {
  constructor(familyId: string, payload: { userId: string; tokenId: string }) {
    super(SESSION_STREAM, familyId, payload);
  }
}

/** A request carried a bearer credential that did not authenticate; the stream is the client IP. */
@DomainEventType('security.token_rejected')
export class TokenRejected extends DomainEvent<{
  reason: 'expired' | 'invalid' | 'revoked' | 'invalid_api_key';
  route: string;
}> {
  constructor(
    ip: string,
    payload: { reason: 'expired' | 'invalid' | 'revoked' | 'invalid_api_key'; route: string },
  ) {
    super('security', ip, payload);
  }
}

/** A sign-in from a device the user never signed in from before (ip and user agent in metadata). */
@DomainEventType('security.new_device_login')
export class NewDeviceLogin extends UserOwnedEvent<{ userId: string; sessionId: string }> {
  constructor(payload: { userId: string; sessionId: string }) {
    super(SESSION_STREAM, payload.sessionId, payload);
  }
}
