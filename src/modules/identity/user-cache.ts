import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { AppConfig } from '@lib/config';
import { HandlesEvent, type DomainEventHandler } from '@lib/event-store';
import { RedisBroadcast } from '@lib/queue';
import { User } from './entities/user.entity';
import {
  AccountLocked,
  UserDisabled,
  UserEnabled,
  UserLocked,
  UserRoleChanged,
  UserTierChanged,
  UserUnlocked,
} from './events/account.events';
import {
  AvatarChanged,
  AvatarRemoved,
  EmailChangeCancelled,
  EmailChanged,
  EmailChangeRequested,
  EmailVerified,
  PasswordChanged,
  PasswordResetRequested,
  ProfileUpdated,
  UserDeleted,
  UserLoggedIn,
  UserRegistered,
} from './events/identity.events';
import { IdentityLinked, IdentityUnlinked } from './events/oauth.events';
import {
  MfaFailed,
  RecoveryCodeUsed,
  TwoFactorDisabled,
  TwoFactorEnabled,
  TwoFactorSetupStarted,
} from './events/two-factor.events';
import type { UserEvent } from './events/user-event';

const CHANNEL = 'user-changed';
const MAX_ENTRIES = 10_000;

/**
 * Users by id for authenticated reads (the signed-in user's own row), kept a few
 * seconds per replica. Every committed event on a user's stream (tier, role, lock,
 * disable, profile, password, 2FA, deletion…) is broadcast and drops that user on
 * every replica; while the broadcast is not live (gap, reconnect) reads go to the
 * database. Rows are read-only snapshots: never persist them.
 */
@Injectable()
export class UserCache implements OnModuleInit {
  private readonly entries = new Map<string, { user: User | null; until: number }>();
  /** Bumped by every invalidation: a read that raced one is not stored. */
  private epoch = 0;

  constructor(
    private readonly em: EntityManager,
    private readonly broadcast: RedisBroadcast,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.broadcast.listen(CHANNEL, {
      message: (userId) => this.forget(userId),
      gap: () => this.forgetAll(),
    });
  }

  async find(userId: string): Promise<User | null> {
    const ttl = this.config.env.USER_CACHE_TTL_MS;
    const cached = this.entries.get(userId);
    if (cached && cached.until > Date.now() && this.broadcast.live) return cached.user;
    const epoch = this.epoch;
    const user = await this.em.fork().findOne(User, userId);
    if (ttl > 0 && this.broadcast.live && epoch === this.epoch) {
      if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
      this.entries.set(userId, { user, until: Date.now() + ttl });
    }
    return user;
  }

  /** Drops the user on every replica (after the change has committed). */
  async changed(userId: string): Promise<void> {
    this.forget(userId);
    await this.broadcast.publish(CHANNEL, userId);
  }

  private forget(userId: string): void {
    this.epoch += 1;
    this.entries.delete(userId);
  }

  private forgetAll(): void {
    this.epoch += 1;
    this.entries.clear();
  }
}

/** Every event on a user's own stream means the row may have changed. */
@Injectable()
@HandlesEvent(
  IdentityLinked,
  IdentityUnlinked,
  AccountLocked,
  UserLocked,
  UserUnlocked,
  UserDisabled,
  UserEnabled,
  UserTierChanged,
  UserRoleChanged,
  UserRegistered,
  UserLoggedIn,
  EmailVerified,
  EmailChangeRequested,
  EmailChanged,
  EmailChangeCancelled,
  AvatarChanged,
  AvatarRemoved,
  PasswordChanged,
  ProfileUpdated,
  PasswordResetRequested,
  UserDeleted,
  TwoFactorSetupStarted,
  TwoFactorEnabled,
  TwoFactorDisabled,
  RecoveryCodeUsed,
  MfaFailed,
)
export class InvalidateCachedUser implements DomainEventHandler<UserEvent<object>> {
  constructor(private readonly users: UserCache) {}

  handle(event: UserEvent<object>): Promise<void> {
    return this.users.changed(event.dataSubject);
  }
}
