import { Injectable } from '@nestjs/common';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AppConfig } from '@lib/config';
import type { EventRecorder } from '@lib/event-store';
import { Problem } from '@lib/problems';
import { Secrets } from '../../../bootstrap/secrets';
import { accountLocked, lockoutPolicy } from '../accounts/lockout';
import { User } from '../entities/user.entity';
import { MfaFailed, type MfaStep, type SecondFactorKind } from '../events/two-factor.events';
import { SecretBox } from '@lib/crypto';
import { hashRecoveryCode, newRecoveryCodes } from './recovery-codes';
import { acceptedTotpStep, looksLikeTotpCode, newTotpSecret, totpUri } from './totp';

export interface TotpEnrollment {
  secret: string;
  sealedSecret: string;
  otpauthUrl: string;
  qrCodeDataUrl: string;
}

/** Secrets, codes and checks of two-factor sign-in; state changes stay on the User aggregate. */
@Injectable()
export class TwoFactorService {
  private readonly box: SecretBox;

  constructor(
    secrets: Secrets,
    private readonly config: AppConfig,
  ) {
    this.box = new SecretBox(secrets.dataEncryptionKey);
  }

  async enroll(user: Pick<User, 'id' | 'email'>): Promise<TotpEnrollment> {
    const secret = newTotpSecret();
    const otpauthUrl = totpUri(secret, user.email);
    return {
      secret,
      sealedSecret: this.box.seal(secret, totpContext(user.id)),
      otpauthUrl,
      // qrcode is loaded on the first enrolment, not at boot.
      qrCodeDataUrl: await (await import('qrcode')).toDataURL(otpauthUrl),
    };
  }

  /** The accepted time step of a code for the user's (pending or active) secret, or null. */
  async totpStep(user: User, code: string): Promise<number | null> {
    if (!user.totpSecretSealed) return null;
    return acceptedTotpStep(
      this.box.open(user.totpSecretSealed, totpContext(user.id)),
      code,
      user.totpLastStep,
    );
  }

  newRecoveryCodes(): { codes: string[]; hashes: string[] } {
    const codes = newRecoveryCodes();
    return { codes, hashes: codes.map(hashRecoveryCode) };
  }

  /**
   * Checks a TOTP code (six digits) or a recovery code and uses it up, so it never
   * works twice. Reloads the user under a row lock first: two requests carrying the
   * same code are serialised and only the first one gets through.
   */
  async consume(em: EntityManager, userId: string, code: string): Promise<SecondFactorKind | null> {
    const user = await lockForSecondFactor(em, userId);
    if (looksLikeTotpCode(code)) {
      const step = await this.totpStep(user, code);
      if (step === null) return null;
      user.acceptTotpStep(step);
      return 'totp';
    }
    return user.useRecoveryCode(hashRecoveryCode(code)) ? 'recovery_code' : null;
  }

  /**
   * The second factor after the password proved correct (sign-in, account
   * deletion): undefined when the user may go on, otherwise the problem to answer
   * with. A wrong code is a security event, so it is recorded rather than thrown
   * (throwing rolls back).
   */
  async refuseSecondFactor(
    em: EntityManager,
    events: EventRecorder,
    user: User,
    code: string | undefined,
    during: MfaStep,
  ): Promise<Problem | undefined> {
    if (!user.twoFactorEnabled) return undefined;
    if (!code) {
      return Problem.unauthorized(
        'auth.mfa_required',
        'This account uses two-factor authentication: send the code from the authenticator app (or a recovery code) as `otp`',
      );
    }
    const proved = await this.verify(em, events, user, code, during);
    return proved instanceof Problem ? proved : undefined;
  }

  /**
   * Uses up a second-factor code of a user with 2FA on: how it was proved, or
   * the problem to answer with. A wrong code counts toward the account lock like
   * a wrong password (LOGIN_MAX_FAILURES), so guesses are bounded per account and
   * not only per IP; while locked, no code is even checked. Returned, not thrown,
   * so that the count and the security event commit.
   */
  async verify(
    em: EntityManager,
    events: EventRecorder,
    user: User,
    code: string,
    during: MfaStep,
  ): Promise<SecondFactorKind | Problem> {
    if (user.isLocked()) return accountLocked();
    const provedWith = await this.consume(em, user.id, code);
    if (provedWith) return provedWith;
    events.record(new MfaFailed(user.id, { during }));
    user.recordFailedLogin(lockoutPolicy(this.config));
    return invalidOtp();
  }
}

export const invalidOtp = (): Problem =>
  Problem.unauthorized('auth.invalid_otp', 'The code is wrong, expired or already used');

/** Loads the user with its 2FA columns under SELECT … FOR UPDATE (refreshing an already loaded instance). */
export async function lockForSecondFactor(em: EntityManager, userId: string): Promise<User> {
  const user = await em.findOne(User, userId, {
    lockMode: LockMode.PESSIMISTIC_WRITE,
    populate: ['passwordHash', 'totpSecretSealed', 'recoveryCodeHashes'],
    refresh: true,
  });
  if (!user) throw Problem.notFound('User');
  return user;
}

/** A sealed TOTP secret opens only on the account it was made for. */
const totpContext = (userId: string) => `users.totp_secret_sealed:${userId}`;
