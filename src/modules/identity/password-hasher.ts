import { Injectable } from '@nestjs/common';
import bcrypt from 'bcrypt';
import { AppConfig } from '@lib/config';
import { hasUsablePassword } from './oauth/unusable-password';

/** bcrypt with the configured cost; compares in constant time even for unknown users. */
@Injectable()
export class PasswordHasher {
  private dummyHash?: Promise<string>;

  constructor(private readonly config: AppConfig) {}

  hash(password: string): Promise<string> {
    return bcrypt.hash(password, this.config.env.BCRYPT_COST);
  }

  /**
   * Without a user, or for an account without a password (OAuth only), we still
   * spend one bcrypt comparison against a dummy hash, so timing reveals neither.
   */
  async verify(password: string, hash: string | undefined): Promise<boolean> {
    this.dummyHash ??= bcrypt.hash('not-a-real-password', this.config.env.BCRYPT_COST);
    const usable = hasUsablePassword(hash);
    const ok = await bcrypt.compare(password, usable ? hash! : await this.dummyHash);
    return ok && usable;
  }
}
