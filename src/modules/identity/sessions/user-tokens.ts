import { Injectable } from '@nestjs/common';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { UserToken, type UserTokenPurpose } from '../entities/user-token.entity';
import { hashToken, newOpaqueToken } from './opaque-token';

/** What a token's plaintext starts with, so a form can tell which link it came from. */
export const TOKEN_PREFIXES: Record<UserTokenPurpose, string> = {
  email_verification: 'ev',
  password_reset: 'pr',
  email_change: 'ec',
  email_change_cancel: 'ecx',
};

/** Single-use email tokens (verification, password reset, change of address). */
@Injectable()
export class UserTokens {
  /** Creates a token, replacing any unused one for the same purpose; returns the plaintext for the email. */
  async issue(
    em: EntityManager,
    userId: string,
    purpose: UserTokenPurpose,
    ttlMs: number,
  ): Promise<string> {
    await em.nativeUpdate(UserToken, { userId, purpose, usedAt: null }, { usedAt: new Date() });
    const token = newOpaqueToken(TOKEN_PREFIXES[purpose]);
    em.create(UserToken, {
      userId,
      purpose,
      tokenHash: hashToken(token),
      expiresAt: new Date(Date.now() + ttlMs),
      createdAt: new Date(),
    });
    return token;
  }

  /** Makes the user's unused tokens of these purposes stop working. */
  async revoke(em: EntityManager, userId: string, purposes: UserTokenPurpose[]): Promise<void> {
    await em.nativeUpdate(
      UserToken,
      { userId, purpose: { $in: purposes }, usedAt: null },
      { usedAt: new Date() },
    );
  }

  /** Marks the token used and returns its user id, or undefined when unknown, used or expired. */
  async consume(
    em: EntityManager,
    token: string,
    purpose: UserTokenPurpose,
  ): Promise<string | undefined> {
    const found = await em.findOne(
      UserToken,
      { tokenHash: hashToken(token), purpose },
      { lockMode: LockMode.PESSIMISTIC_WRITE },
    );
    if (!found || found.usedAt || found.expiresAt <= new Date()) return undefined;
    found.usedAt = new Date();
    return found.userId;
  }
}
