import { Injectable } from '@nestjs/common';
import bcrypt from 'bcrypt';
import { AppConfig } from '@lib/config';

/** bcrypt with the configured cost; compares in constant time even for unknown users. */
@Injectable()
export class PasswordHasher {
  private dummyHash?: Promise<string>;

  constructor(private readonly config: AppConfig) {}

  hash(password: string): Promise<string> {
    return bcrypt.hash(password, this.config.env.BCRYPT_COST);
  }

  async verify(password: string, hash: string | undefined): Promise<boolean> {
    // Without a user we still spend one bcrypt comparison, so timing does not reveal accounts.
    this.dummyHash ??= bcrypt.hash('not-a-real-password', this.config.env.BCRYPT_COST);
    const ok = await bcrypt.compare(password, hash ?? (await this.dummyHash));
    return ok && hash !== undefined;
  }
}
