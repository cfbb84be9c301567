import { DomainEventType } from '@lib/event-store';
import { UserEvent } from './user-event';
import { USER_STREAM } from './identity.events';

@DomainEventType('identity.two_factor_setup_started')
export class TwoFactorSetupStarted extends UserEvent<Record<string, never>> {
  constructor(userId: string) {
    super(USER_STREAM, userId, {});
  }
}

@DomainEventType('identity.two_factor_enabled')
export class TwoFactorEnabled extends UserEvent<{ recoveryCodes: number }> {
  constructor(userId: string, payload: { recoveryCodes: number }) {
    super(USER_STREAM, userId, payload);
  }
}

@DomainEventType('identity.two_factor_disabled')
export class TwoFactorDisabled extends UserEvent<{ provedWith: SecondFactorKind }> {
  constructor(userId: string, payload: { provedWith: SecondFactorKind }) {
    super(USER_STREAM, userId, payload);
  }
}

@DomainEventType('identity.recovery_code_used')
export class RecoveryCodeUsed extends UserEvent<{ remaining: number }> {
  constructor(userId: string, payload: { remaining: number }) {
    super(USER_STREAM, userId, payload);
  }
}

/** A wrong second factor after a correct password (sign-in) or while turning 2FA off. */
export type MfaStep =
  'login' | 'oauth_login' | 'disable' | 'delete_account' | 'link_identity' | 'change_email';

@DomainEventType('security.mfa_failed')
export class MfaFailed extends UserEvent<{ during: MfaStep }> {
  constructor(userId: string, payload: { during: MfaStep }) {
    super(USER_STREAM, userId, payload);
  }
}

export type SecondFactorKind = 'totp' | 'recovery_code';
