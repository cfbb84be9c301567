import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/core';
import { uuidv7 } from 'uuidv7';
import type { Role, Tier } from '@lib/authz';
import { AggregateRoot } from '@lib/event-store';
import { UserLoggedIn, UserRegistered } from '../events/identity.events';

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

  @Enum({ items: ['user', 'admin'], nativeEnumName: undefined, default: 'user' })
  role: Role = 'user';

  @Enum({ items: ['free', 'pro', 'premium'], default: 'free' })
  tier: Tier = 'free';

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  lastLoginAt?: Date | null;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', columnType: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  static register(fields: {
    email: string;
    passwordHash: string;
    name: string;
    role?: Role;
  }): User {
    const user = new User();
    user.email = fields.email.trim().toLowerCase();
    user.passwordHash = fields.passwordHash;
    user.name = fields.name;
    user.role = fields.role ?? 'user';
    user.raise(new UserRegistered(user.id, { role: user.role }));
    return user;
  }

  recordLogin(at = new Date()): void {
    this.lastLoginAt = at;
    const event = new UserLoggedIn(this.id, {});
    event.metadata = { actor: { type: 'user', id: this.id } };
    this.raise(event);
  }
}
