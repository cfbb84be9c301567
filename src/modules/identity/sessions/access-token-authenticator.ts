import { Injectable } from '@nestjs/common';
import type { Principal } from '@lib/authz';
import { accountRefusal } from '../accounts/account-access';
import { TokenService } from '../token.service';
import { UserCache } from '../user-cache';
import { AccessTokenDenylist } from './access-token-denylist';

export type AccessTokenRejection = 'expired' | 'invalid' | 'revoked';

/**
 * Who an access token (JWT) stands for, or why it is refused: the auth guard's check,
 * shared with what authenticates outside the Nest router (the queues console).
 */
@Injectable()
export class AccessTokenAuthenticator {
  constructor(
    private readonly tokens: TokenService,
    private readonly denylist: AccessTokenDenylist,
    private readonly users: UserCache,
  ) {}

  async authenticate(token: string): Promise<Principal | { rejected: AccessTokenRejection }> {
    const verified = await this.tokens.verifyAccessToken(token);
    if ('rejected' in verified) return verified;
    if (verified.tokenId && (await this.denylist.isDenied(verified.tokenId))) {
      return { rejected: 'revoked' };
    }
    // The cached row (dropped on every replica by any change to the user) keeps this off the database.
    const owner = await this.users.find(verified.userId);
    if (!owner || accountRefusal(owner, 'access')) return { rejected: 'revoked' };
    // Plan and role come from that row, not the token's claims: an upgrade or a downgrade
    // (billing, admin) applies to tokens already issued, on every replica, at once.
    return { ...verified, tier: owner.tier, role: owner.role };
  }

  /**
   * Re-checks, without the token, a token verified earlier (kept by its id and owner, e.g.
   * behind the queues console's session): refused once revoked or the account is refused;
   * otherwise the owner's current role.
   */
  async recheck(
    userId: string,
    tokenId: string | undefined,
  ): Promise<Pick<Principal, 'role'> | { rejected: 'revoked' }> {
    if (tokenId && (await this.denylist.isDenied(tokenId))) return { rejected: 'revoked' };
    const owner = await this.users.find(userId);
    if (!owner || accountRefusal(owner, 'access')) return { rejected: 'revoked' };
    return { role: owner.role };
  }
}
