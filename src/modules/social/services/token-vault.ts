import { Injectable } from '@nestjs/common';
import { SecretBox } from '@lib/crypto';
import type { SocialTokens } from '@lib/providers';
import { Secrets } from '../../../bootstrap/secrets';
import type { SocialAccount } from '../entities/social-account.entity';

/**
 * Seals network tokens with the data key, bound to the account row and the
 * token's role, so a sealed value copied to another row or column does not open.
 */
@Injectable()
export class SocialTokenVault {
  private readonly box: SecretBox;

  constructor(secrets: Secrets) {
    this.box = new SecretBox(secrets.dataEncryptionKey);
  }

  seal(account: SocialAccount, tokens: SocialTokens): void {
    account.accessTokenSealed = this.box.seal(tokens.accessToken, context(account.id, 'access'));
    account.refreshTokenSealed = tokens.refreshToken
      ? this.box.seal(tokens.refreshToken, context(account.id, 'refresh'))
      : null;
    account.tokenExpiresAt = tokens.expiresAt;
    account.scopes = tokens.scopes;
  }

  open(account: SocialAccount): SocialTokens {
    return {
      accessToken: this.box.open(account.accessTokenSealed, context(account.id, 'access')),
      refreshToken: account.refreshTokenSealed
        ? this.box.open(account.refreshTokenSealed, context(account.id, 'refresh'))
        : null,
      expiresAt: account.tokenExpiresAt ?? null,
      scopes: account.scopes,
    };
  }
}

const context = (accountId: string, which: 'access' | 'refresh') =>
  `social_accounts.${which}_token:${accountId}`;
