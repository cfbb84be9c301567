import { Injectable, Logger } from '@nestjs/common';
import type { SocialAccount } from '../entities/social-account.entity';
import { SocialNetworks } from './social-networks.provider';
import { SocialTokenVault } from './token-vault';

/** Revokes an account's tokens at its network, best effort: a refusal never keeps the account. */
@Injectable()
export class AccountRevoker {
  private readonly logger = new Logger('SocialRevoke');

  constructor(
    private readonly networks: SocialNetworks,
    private readonly vault: SocialTokenVault,
  ) {}

  async revoke(account: SocialAccount): Promise<void> {
    const driver = this.networks.driver(account.network);
    if (!driver) return;
    try {
      await driver.revoke(this.vault.open(account));
    } catch (error) {
      this.logger.warn(
        `Revoking ${account.network} account ${account.id} failed: ${(error as Error).message}`,
      );
    }
  }
}
