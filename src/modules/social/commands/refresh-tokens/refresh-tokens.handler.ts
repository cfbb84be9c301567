import { EntityManager } from '@mikro-orm/postgresql';
import { Logger } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AppConfig } from '@lib/config';
import { UnitOfWork } from '@lib/event-store';
import { SocialNetworkError } from '@lib/providers';
import { NOTIFICATION_TYPES, Notifier } from '../../../notifications';
import { EXPIRY_WARNING_MS, SocialAccount } from '../../entities/social-account.entity';
import { SocialAccountReconnectRequired } from '../../events/social.events';
import { SocialNetworks } from '../../services/social-networks.provider';
import { SocialTokenVault } from '../../services/token-vault';
import { RefreshTokensCommand, type RefreshTokensResult } from './refresh-tokens.command';

const BATCH = 200;

/**
 * Refreshes every connected account whose token expires within
 * SOCIAL_REFRESH_AHEAD_MS. The new tokens (X rotates its refresh token) replace the
 * old ones in one row update, only if nobody changed them meanwhile. A refused
 * refresh, or a lapsed token without a refresh token, marks the account
 * `reconnect_required` (its event notifies the user). Tokens that cannot be
 * refreshed (LinkedIn) warn the user once, a week before they lapse.
 */
@CommandHandler(RefreshTokensCommand)
export class RefreshTokensHandler implements ICommandHandler<RefreshTokensCommand> {
  private readonly logger = new Logger('SocialTokens');

  constructor(
    private readonly em: EntityManager,
    private readonly uow: UnitOfWork,
    private readonly networks: SocialNetworks,
    private readonly vault: SocialTokenVault,
    private readonly notifier: Notifier,
    private readonly config: AppConfig,
  ) {}

  async execute(): Promise<RefreshTokensResult> {
    const now = Date.now();
    const result: RefreshTokensResult = { refreshed: 0, reconnectRequired: 0, expiringWarned: 0 };
    const horizon = new Date(
      now + Math.max(this.config.env.SOCIAL_REFRESH_AHEAD_MS, EXPIRY_WARNING_MS),
    );
    const accounts = await this.em
      .fork()
      .find(
        SocialAccount,
        { status: 'connected', tokenExpiresAt: { $ne: null, $lte: horizon } },
        { orderBy: { tokenExpiresAt: 'asc' }, limit: BATCH },
      );
    for (const account of accounts) {
      const expiresAt = account.tokenExpiresAt!.getTime();
      if (!account.refreshTokenSealed) {
        if (expiresAt <= now) {
          await this.needsReconnect(
            account,
            'The token expired and this network cannot refresh it',
          );
          result.reconnectRequired += 1;
        } else {
          await this.notifier.notify(
            account.userId,
            NOTIFICATION_TYPES['social.token_expiring'],
            {
              network: account.network,
              name: account.name,
              expiresAt: account.tokenExpiresAt!.toISOString(),
            },
            { subjectId: `${account.id}:${expiresAt}` },
          );
          result.expiringWarned += 1;
        }
        continue;
      }
      if (expiresAt > now + this.config.env.SOCIAL_REFRESH_AHEAD_MS) continue;
      const outcome = await this.refresh(account);
      if (outcome === 'refreshed') result.refreshed += 1;
      if (outcome === 'reconnect') result.reconnectRequired += 1;
    }
    return result;
  }

  private async refresh(account: SocialAccount): Promise<'refreshed' | 'reconnect' | 'later'> {
    const driver = this.networks.driver(account.network);
    if (!driver) return 'later';
    try {
      const tokens = await driver.refresh(this.vault.open(account));
      const before = account.accessTokenSealed;
      this.vault.seal(account, tokens);
      await this.uow.run((em) =>
        em.nativeUpdate(
          SocialAccount,
          { id: account.id, accessTokenSealed: before },
          {
            accessTokenSealed: account.accessTokenSealed,
            refreshTokenSealed: account.refreshTokenSealed,
            tokenExpiresAt: account.tokenExpiresAt,
            scopes: account.scopes,
            updatedAt: new Date(),
          },
        ),
      );
      return 'refreshed';
    } catch (error) {
      if (
        error instanceof SocialNetworkError &&
        ['invalid_token', 'rejected'].includes(error.kind)
      ) {
        await this.needsReconnect(account, `The network refused the refresh: ${error.message}`);
        return 'reconnect';
      }
      this.logger.warn(
        `Refreshing ${account.network} account ${account.id} failed: ${(error as Error).message}`,
      );
      return 'later';
    }
  }

  private async needsReconnect(account: SocialAccount, reason: string): Promise<void> {
    await this.uow.run(async (em, events) => {
      const changed = await em.nativeUpdate(
        SocialAccount,
        { id: account.id, status: 'connected' },
        { status: 'reconnect_required', statusReason: reason, updatedAt: new Date() },
      );
      if (changed === 0) return;
      events.record(
        new SocialAccountReconnectRequired(account.id, {
          userId: account.userId,
          network: account.network,
          name: account.name,
          reason,
        }),
      );
    });
  }
}
