import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Principal } from '@lib/authz';
import { AppConfig } from '@lib/config';
import type { EventRecorder } from '@lib/event-store';
import { Problem } from '@lib/problems';
import { RefreshToken } from '../entities/refresh-token.entity';
import type { User } from '../entities/user.entity';
import type { MfaStep } from '../events/two-factor.events';
import { hasUsablePassword } from '../oauth/unusable-password';
import { PasswordHasher } from '../password-hasher';
import { TwoFactorService } from '../two-factor/two-factor.service';
import { accountLocked, lockoutPolicy } from './lockout';

/** How recent a sign-in must be to stand in for a password on an account without one. */
export const RECENT_SIGN_IN_MS = 10 * 60_000;

export interface Proof {
  password?: string;
  otp?: string;
}

/**
 * Asks a signed-in user to prove it is still them before a sensitive change
 * (linking a sign-in provider), so a stolen access token alone is not enough:
 * - an account with a password sends it;
 * - an account with 2FA also sends a code (TOTP or recovery code);
 * - an account with neither (OAuth only, no 2FA) must have signed in within the
 *   last 10 minutes (the session of this access token started then).
 * Wrong passwords and codes count toward the account lock. Returns the problem
 * to answer with (not thrown, so the count commits), or undefined.
 */
@Injectable()
export class Reauthentication {
  constructor(
    private readonly hasher: PasswordHasher,
    private readonly twoFactor: TwoFactorService,
    private readonly config: AppConfig,
  ) {}

  /** `user` must be loaded with its password hash and 2FA columns (lockForSecondFactor). */
  async refuse(
    em: EntityManager,
    events: EventRecorder,
    user: User,
    proof: Proof,
    principal: Principal,
    during: MfaStep,
  ): Promise<Problem | undefined> {
    if (user.isLocked()) return accountLocked();
    if (hasUsablePassword(user.passwordHash)) {
      if (!proof.password) {
        return Problem.badRequest(
          'auth.password_required',
          'Confirm with the account password (`password`)',
        );
      }
      if (!(await this.hasher.verify(proof.password, user.passwordHash))) {
        user.recordFailedLogin(lockoutPolicy(this.config));
        return Problem.forbidden('auth.wrong_password', 'The password is incorrect');
      }
    } else if (!user.twoFactorEnabled && !(await this.signedInRecently(em, principal))) {
      return Problem.forbidden(
        'auth.reauthentication_required',
        'Sign in again (with a provider already linked) and confirm within 10 minutes',
      );
    }
    return this.twoFactor.refuseSecondFactor(em, events, user, proof.otp, during);
  }

  /** Whether the session this access token belongs to started within RECENT_SIGN_IN_MS. */
  private async signedInRecently(em: EntityManager, principal: Principal): Promise<boolean> {
    if (!principal.tokenId) return false;
    const current = await em.findOne(RefreshToken, {
      userId: principal.userId,
      accessJti: principal.tokenId,
    });
    if (!current) return false;
    const first = await em.findOne(
      RefreshToken,
      { familyId: current.familyId },
      { orderBy: { createdAt: 'asc' } },
    );
    return !!first && Date.now() - first.createdAt.getTime() <= RECENT_SIGN_IN_MS;
  }
}
