import { EntityManager } from '@mikro-orm/postgresql';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AppConfig } from '@lib/config';
import type { SocialConnectStartDto } from '../../dto/social-network.dto';
import { ConnectFlowStore } from '../../services/connect-flow-store';
import { assertWithinQuota, countAccounts } from '../../services/plan-quotas';
import { socialCallbackUrl } from '../../services/callback-url';
import { SocialNetworks } from '../../services/social-networks.provider';
import { StartConnectCommand } from './start-connect.command';

/** Remembers state + PKCE verifier for the callback and answers the network's authorize URL. */
@CommandHandler(StartConnectCommand)
export class StartConnectHandler implements ICommandHandler<StartConnectCommand> {
  constructor(
    private readonly em: EntityManager,
    private readonly networks: SocialNetworks,
    private readonly flows: ConnectFlowStore,
    private readonly config: AppConfig,
  ) {}

  async execute({ actor, network }: StartConnectCommand): Promise<SocialConnectStartDto> {
    const driver = this.networks.connectable(network);
    assertWithinQuota(
      actor.tier,
      'socialAccounts',
      await countAccounts(this.em.fork(), actor.userId),
      1,
    );
    const { state, codeChallenge } = await this.flows.start(actor.userId, driver.name);
    return {
      network: driver.name,
      authorizeUrl: driver.authorizeUrl({
        state,
        codeChallenge,
        redirectUri: socialCallbackUrl(this.config, driver.name),
      }),
    };
  }
}
