import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/core';
import { uuidv7 } from 'uuidv7';
import type { Role, Tier } from '@lib/authz';
import { AggregateRoot } from '@lib/event-store';
import type { UserAvatar } from '../profile/avatar-images';
import { DEFAULT_LOCALE, DEFAULT_TIME_ZONE } from '../profile/locale-and-zone';
import {
  AvatarChanged,
  AvatarRemoved,
  EmailChangeCancelled,
  EmailChanged,
  EmailChangeRequested,
  EmailVerified,
  PasswordChanged,
  ProfileUpdated,
  UserLoggedIn,
  UserRegistered,
} from '../events/identity.events';

import {
  RecoveryCodeUsed,
  TwoFactorDisabled,
  TwoFactorEnabled,
  TwoFactorSetupStarted,
  type SecondFactorKind,
} from '../events/two-factor.events';
import {
  AccountLocked,
  UserDisabled,
  UserEnabled,
  UserLocked,
  UserRoleChanged,
  UserTierChanged,
  UserUnlocked,
} from '../events/account.events';

export interface UserPreferences {
  emailNotifications: boolean;
  jobAlerts: boolean;
  newsletter: boolean;
  theme: 'light' | 'dark' | 'system';
  language: string;
}

export interface SocialLinks {
  linkedin?: string | null;
  twitter?: string | null;
  website?: string | null;
}

export const DEFAULT_PREFERENCES: UserPreferences = {
  emailNotifications: true,
  jobAlerts: true,
  newsletter: false,
  theme: 'system',
  language: 'en',
};

@Entity({ tableName: 'users' })
export class User extends AggregateRoot {
  @PrimaryKey({ type: 'uuid' })
  id: string = uuidv7();

  /** Stored lower-cased; unique. */
  @Property({ type: 'text', unique: true })
  email!: string;

  @Property({ type: 'text', hidden: true, lazy: true })
  passwordHash!: string;

  @Property({ type: 'text' })
  name!: string;

  @Enum({ items: ['user', 'editor', 'admin'], nativeEnumName: undefined, default: 'user' })
  role: Role = 'user';

  @Enum({ items: ['free', 'pro', 'premium'], default: 'free' })
  tier: Tier = 'free';

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  lastLoginAt?: Date | null;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  emailVerifiedAt?: Date | null;

  @Property({ type: 'json', defaultRaw: `'${JSON.stringify(DEFAULT_PREFERENCES)}'` })
  preferences: UserPreferences = { ...DEFAULT_PREFERENCES };

  @Property({ type: 'json', defaultRaw: `'{}'` })
  socialLinks: SocialLinks = {};

  /** BCP 47 tag, canonical (`pt-BR`): the language of emails, digests and documents. */
  @Property({ type: 'text', default: DEFAULT_LOCALE })
  locale: string = DEFAULT_LOCALE;

  /** The profile-image upload shown as the user's picture (its square renditions). */
  @Property({ type: 'json', nullable: true })
  avatar?: UserAvatar | null;

  /** IANA time zone name: when schedules and digests run, how dates are shown. */
  @Property({ type: 'text', default: DEFAULT_TIME_ZONE })
  timezone: string = DEFAULT_TIME_ZONE;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', columnType: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  static register(fields: {
    email: string;
    passwordHash: string;
    name: string;
    role?: Role;
    locale?: string;
    timezone?: string;
  }): User {
    const user = new User();
    user.email = fields.email.trim().toLowerCase();
    user.passwordHash = fields.passwordHash;
    user.name = fields.name;
    user.role = fields.role ?? 'user';
    user.locale = fields.locale ?? DEFAULT_LOCALE;
    user.timezone = fields.timezone ?? DEFAULT_TIME_ZONE;
    user.raise(new UserRegistered(user.id, { role: user.role }));
    return user;
  }

  verifyEmail(): void {
    if (this.emailVerifiedAt) return;
    this.emailVerifiedAt = new Date();
    this.raise(new EmailVerified(this.id, {}));
  }

  // ── Change of email address ──────────────────────────────────────────────

  /** The address a change waits to be confirmed for (the link went there). */
  @Property({ type: 'text', nullable: true })
  pendingEmail?: string | null;

  /** Set by "this wasn't me": no change of address may start before then. */
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  emailChangeLockedUntil?: Date | null;

  emailChangeLocked(now = new Date()): boolean {
    return !!this.emailChangeLockedUntil && this.emailChangeLockedUntil > now;
  }

  requestEmailChange(newEmail: string): void {
    this.pendingEmail = newEmail;
    this.raise(new EmailChangeRequested(this.id, {}));
  }

  /** The new address confirmed: it replaces the old one and counts as verified. */
  confirmEmailChange(now = new Date()): void {
    if (!this.pendingEmail) return;
    this.email = this.pendingEmail;
    this.pendingEmail = null;
    this.emailVerifiedAt = now;
    this.raise(new EmailChanged(this.id, {}));
  }

  /** Drops a pending change; `lockUntil` ("this wasn't me") also refuses new ones until then. */
  cancelEmailChange(by: 'user' | 'old_address', lockUntil?: Date): void {
    const hadPending = !!this.pendingEmail;
    this.pendingEmail = null;
    if (lockUntil) this.emailChangeLockedUntil = lockUntil;
    if (hadPending || lockUntil) {
      this.raise(
        new EmailChangeCancelled(this.id, {
          by,
          hadPending,
          lockedUntil: lockUntil?.toISOString() ?? null,
        }),
      );
    }
  }

  changePassword(passwordHash: string, reason: 'change' | 'reset'): void {
    this.passwordHash = passwordHash;
    this.raise(new PasswordChanged(this.id, { reason }));
  }

  /** Applies the given profile fields; lists the changed field names (never values) in the event. */
  updateProfile(changes: {
    name?: string;
    preferences?: Partial<UserPreferences>;
    socialLinks?: SocialLinks;
    /** Canonical already (see profile/locale-and-zone.ts). */
    locale?: string;
    timezone?: string;
  }): void {
    const fields: string[] = [];
    if (changes.name !== undefined && changes.name !== this.name) {
      this.name = changes.name;
      fields.push('name');
    }
    if (changes.locale !== undefined && changes.locale !== this.locale) {
      this.locale = changes.locale;
      fields.push('locale');
    }
    if (changes.timezone !== undefined && changes.timezone !== this.timezone) {
      this.timezone = changes.timezone;
      fields.push('timezone');
    }
    if (changes.preferences) {
      this.preferences = { ...DEFAULT_PREFERENCES, ...this.preferences, ...changes.preferences };
      fields.push(...Object.keys(changes.preferences).map((k) => `preferences.${k}`));
    }
    if (changes.socialLinks) {
      this.socialLinks = { ...this.socialLinks, ...changes.socialLinks };
      fields.push(...Object.keys(changes.socialLinks).map((k) => `socialLinks.${k}`));
    }
    if (fields.length > 0) this.raise(new ProfileUpdated(this.id, { fields }));
  }

  /** Shows `avatar`; the upload it replaces is deleted (files module, on AvatarChanged). */
  setAvatar(avatar: UserAvatar): void {
    const previousFileId = this.avatar?.fileId ?? null;
    if (previousFileId === avatar.fileId) return;
    this.avatar = avatar;
    this.raise(new AvatarChanged(this.id, { fileId: avatar.fileId, previousFileId }));
  }

  /** No picture any more; the upload is deleted (files module, on AvatarRemoved). */
  removeAvatar(): void {
    if (!this.avatar) return;
    const fileId = this.avatar.fileId;
    this.avatar = null;
    this.raise(new AvatarRemoved(this.id, { fileId }));
  }

  recordLogin(at = new Date()): void {
    this.lastLoginAt = at;
    this.failedLogins = 0;
    const event = new UserLoggedIn(this.id, {});
    event.metadata = { actor: { type: 'user', id: this.id } };
    this.raise(event);
  }

  // Two-factor authentication

  /** Sign-in needs a TOTP or recovery code as well as the password. */
  @Property({ type: 'boolean', default: false })
  twoFactorEnabled: boolean = false;

  /** TOTP secret sealed with the data-encryption key; pending while 2FA is not yet enabled. */
  @Property({ type: 'text', nullable: true, hidden: true, lazy: true })
  totpSecretSealed?: string | null;

  /** RFC 6238 time step of the last accepted code; only later steps are accepted. */
  @Property({ type: 'integer', nullable: true, hidden: true })
  totpLastStep?: number | null;

  /** sha-256 of each unused recovery code. */
  @Property({ type: 'json', nullable: true, hidden: true, lazy: true })
  recoveryCodeHashes?: string[] | null;

  startTwoFactorSetup(sealedSecret: string): void {
    this.totpSecretSealed = sealedSecret;
    this.totpLastStep = null;
    this.recoveryCodeHashes = null;
    this.raise(new TwoFactorSetupStarted(this.id));
  }

  enableTwoFactor(acceptedStep: number, recoveryCodeHashes: string[]): void {
    this.twoFactorEnabled = true;
    this.totpLastStep = acceptedStep;
    this.recoveryCodeHashes = recoveryCodeHashes;
    this.raise(new TwoFactorEnabled(this.id, { recoveryCodes: recoveryCodeHashes.length }));
  }

  disableTwoFactor(provedWith: SecondFactorKind): void {
    this.twoFactorEnabled = false;
    this.totpSecretSealed = null;
    this.totpLastStep = null;
    this.recoveryCodeHashes = null;
    this.raise(new TwoFactorDisabled(this.id, { provedWith }));
  }

  acceptTotpStep(step: number): void {
    this.totpLastStep = step;
  }

  /** Removes the code so it works once; false if it is not one of the user's unused codes. */
  useRecoveryCode(hash: string): boolean {
    const remaining = (this.recoveryCodeHashes ?? []).filter((h) => h !== hash);
    if (remaining.length === (this.recoveryCodeHashes ?? []).length) return false;
    this.recoveryCodeHashes = remaining;
    this.raise(new RecoveryCodeUsed(this.id, { remaining: remaining.length }));
    return true;
  }
  // ── Sign-in protection and account status ─────────────────────────────────

  /** Consecutive failed sign-ins since the last success, lock or unlock. */
  @Property({ type: 'integer', default: 0 })
  failedLogins: number = 0;

  /** Sign-in is refused until then: too many failures, or an admin locked the account. */
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  lockedUntil?: Date | null;

  /** Set while an admin has disabled the account: no sign-in, no refresh. */
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  disabledAt?: Date | null;

  isLocked(now = new Date()): boolean {
    return !!this.lockedUntil && this.lockedUntil > now;
  }

  /**
   * Counts a wrong password. The attempt that reaches `maxFailures` locks the
   * account for `lockSeconds` and raises `security.account_locked`; returns
   * whether it did. Attempts during a lock are not counted, so failures never
   * extend a lock: it always ends on time.
   */
  recordFailedLogin(
    policy: { maxFailures: number; lockSeconds: number },
    now = new Date(),
  ): boolean {
    if (this.isLocked(now)) return false;
    this.failedLogins += 1;
    if (this.failedLogins < policy.maxFailures) return false;
    this.failedLogins = 0;
    this.lockedUntil = new Date(now.getTime() + policy.lockSeconds * 1000);
    this.raise(
      new AccountLocked(this.id, {
        failures: policy.maxFailures,
        lockedUntil: this.lockedUntil.toISOString(),
      }),
    );
    return true;
  }

  /** An admin locks sign-in until `until`. */
  lock(until: Date): void {
    this.lockedUntil = until;
    this.raise(new UserLocked(this.id, { lockedUntil: until.toISOString() }));
  }

  /** An admin lifts a lock and forgets past failures. */
  unlock(now = new Date()): void {
    if (!this.isLocked(now) && this.failedLogins === 0) return;
    this.lockedUntil = null;
    this.failedLogins = 0;
    this.raise(new UserUnlocked(this.id, {}));
  }

  disable(now = new Date()): void {
    if (this.disabledAt) return;
    this.disabledAt = now;
    this.raise(new UserDisabled(this.id, {}));
  }

  enable(): void {
    if (!this.disabledAt) return;
    this.disabledAt = null;
    this.raise(new UserEnabled(this.id, {}));
  }

  changeTier(tier: Tier): void {
    if (tier === this.tier) return;
    this.raise(new UserTierChanged(this.id, { from: this.tier, to: tier }));
    this.tier = tier;
  }

  changeRole(role: Role): void {
    if (role === this.role) return;
    this.raise(new UserRoleChanged(this.id, { from: this.role, to: role }));
    this.role = role;
  }
}
