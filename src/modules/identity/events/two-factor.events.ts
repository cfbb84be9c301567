import { DomainEvent, DomainEventType } from '@lib/event-store';
import { USER_STREAM } from './identity.events';

@DomainEventType('identity.two_factor_setup_started')
export class TwoFactorSetupStarted extends DomainEvent<Record<string, never>> {
  constructor(userId: string) {
    super(USER_STREAM, userId, {});
  }
}

@DomainEventType('identity.two_factor_enabled')
export class TwoFactorEnabled extends DomainEvent<{ recoveryCodes: number }> {
  constructor(userId: string, payload: { recoveryCodes: number }) {
    super(USER_STREAM, userId, payload);
  }
}

@DomainEventType('identity.two_factor_disabled')
export class TwoFactorDisabled extends DomainEvent<{ provedWith: SecondFactorKind }> {
  constructor(userId: string, payload: { provedWith: SecondFactorKind }) {
    super(USER_STREAM, userId, payload);
  }
}

@DomainEventType('identity.recovery_code_used')
export class RecoveryCodeUsed extends DomainEvent<{ remaining: number }> {
  constructor(userId: string, payload: { remaining: number }) {
    super(USER_STREAM, userId, payload);
  }
}

/** A wrong second factor after a correct password (sign-in) or while turning 2FA off. */
@DomainEventType('security.mfa_failed')
export class MfaFailed extends DomainEvent<{ during: 'login' | 'disable' }> {
  constructor(userId: string, payload: { during: 'login' | 'disable' }) {
    super(USER_STREAM, userId, payload);
  }
}

export type SecondFactorKind = 'totp' | 'recovery_code';
