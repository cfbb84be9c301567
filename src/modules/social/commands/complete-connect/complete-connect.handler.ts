import { Logger } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { PLAN_CATALOG } from '@lib/authz';
import { AppConfig } from '@lib/config';
import { UnitOfWork } from '@lib/event-store';
import { Problem } from '@lib/problems';
import { User } from '../../../identity';
import { SocialAccount } from '../../entities/social-account.entity';
import { SocialAccountConnected } from '../../events/social.events';
import { socialCallbackUrl } from '../../services/callback-url';
import { ConnectFlowStore } from '../../services/connect-flow-store';
import { assertWithinQuota, countAccounts, lockUserSocial } from '../../services/plan-quotas';
import { SocialNetworks } from '../../services/social-networks.provider';
import { SocialTokenVault } from '../../services/token-vault';
import { CompleteConnectCommand } from './complete-connect.command';

/**
 * Exchanges the code (with the PKCE verifier kept for this state), reads who the
 * tokens post as, and stores each identity as an account with sealed tokens; a
 * reconnect of a known identity replaces its tokens. Redirects to
 * FRONTEND_URL/social/connected with `network` and `accounts` or `error`.
 */
@CommandHandler(CompleteConnectCommand)
export class CompleteConnectHandler implements ICommandHandler<CompleteConnectCommand> {
  private readonly logger = new Logger('SocialConnect');

  constructor(
    private readonly uow: UnitOfWork,
    private readonly networks: SocialNetworks,
    private readonly flows: ConnectFlowStore,
    private readonly vault: SocialTokenVault,
    private readonly config: AppConfig,
  ) {}

  async execute({ network, params }: CompleteConnectCommand): Promise<string> {
    const back = new URL('/social/connected', this.config.env.FRONTEND_URL);
    back.searchParams.set('network', network);
    const pending = params.state ? await this.flows.take(params.state) : undefined;
    if (!pending || pending.network !== network || params.error || !params.code) {
      back.searchParams.set(
        'error',
        params.error ? 'social.connect_denied' : 'social.connect_failed',
      );
      return back.toString();
    }
    try {
      const driver = this.networks.connectable(network);
      const tokens = await driver.exchangeCode({
        code: params.code,
        codeVerifier: pending.codeVerifier,
        redirectUri: socialCallbackUrl(this.config, network),
      });
      const identities = await driver.identities(tokens);
      const ids = await this.uow.run(async (em, events) => {
        const user = await em.findOne(User, { id: pending.userId });
        if (!user) throw Problem.notFound('User');
        await lockUserSocial(em, user.id);
        const known = await em.find(SocialAccount, {
          userId: user.id,
          network: driver.name,
          remoteId: { $in: identities.map((i) => i.remoteId) },
        });
        const adding = identities.filter((i) => !known.some((k) => k.remoteId === i.remoteId));
        assertWithinQuota(
          user.tier,
          'socialAccounts',
          await countAccounts(em, user.id),
          adding.length,
        );
        const now = new Date();
        return identities.map((identity) => {
          const account =
            known.find((k) => k.remoteId === identity.remoteId) ??
            em.create(SocialAccount, {
              userId: user.id,
              network: driver.name,
              remoteId: identity.remoteId,
              name: identity.name,
              kind: identity.kind,
              accessTokenSealed: '',
              scopes: [],
              status: 'connected',
              timezone: 'UTC',
              createdAt: now,
              updatedAt: now,
            });
          Object.assign(account, {
            name: identity.name,
            handle: identity.handle,
            status: 'connected',
            statusReason: null,
            updatedAt: now,
          });
          // A page's own token replaces the user's: no refresh token, its own expiry.
          this.vault.seal(
            account,
            identity.accessToken
              ? {
                  ...tokens,
                  accessToken: identity.accessToken,
                  refreshToken: null,
                  expiresAt: identity.tokenExpiresAt ?? null,
                }
              : tokens,
          );
          events.record(
            new SocialAccountConnected(account.id, {
              userId: user.id,
              network: driver.name,
              kind: identity.kind,
            }),
          );
          return account.id;
        });
      });
      back.searchParams.set('accounts', ids.join(','));
    } catch (error) {
      const code = error instanceof Problem ? error.code : 'social.connect_failed';
      if (!(error instanceof Problem)) {
        this.logger.warn(`Connecting ${network} failed: ${(error as Error).message}`);
      }
      back.searchParams.set('error', code);
      const requiredPlan = error instanceof Problem ? error.extensions.requiredPlan : undefined;
      if (typeof requiredPlan === 'string' && requiredPlan in PLAN_CATALOG) {
        back.searchParams.set('requiredPlan', requiredPlan);
      }
    }
    return back.toString();
  }
}
