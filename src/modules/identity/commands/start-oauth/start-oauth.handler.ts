import { EntityManager } from '@mikro-orm/postgresql';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { generateCodeVerifier, generateState } from 'arctic';
import { Problem } from '@lib/problems';
import { isOAuthProvider, OAUTH_LOGIN, type OAuthLoginPort } from '@lib/providers';
import { UserIdentity, type OAuthProviderName } from '../../entities/user-identity.entity';
import { OAuthFlowStore } from '../../oauth/oauth-flow-store';
import { hashToken, newOpaqueToken } from '../../sessions/opaque-token';
import { StartOAuthCommand, type StartedOAuth } from './start-oauth.command';

export const providerUnavailable = () =>
  Problem.notFound('OAuth provider', 'auth.provider_unavailable');

/** Resolves a path parameter to an enabled provider, or a 404 problem. */
export function enabledProvider(providers: OAuthLoginPort, name: string): OAuthProviderName {
  if (!isOAuthProvider(name) || !providers.isEnabled(name)) throw providerUnavailable();
  return name;
}

@CommandHandler(StartOAuthCommand)
export class StartOAuthHandler implements ICommandHandler<StartOAuthCommand, StartedOAuth> {
  constructor(
    @Inject(OAUTH_LOGIN) private readonly providers: OAuthLoginPort,
    private readonly store: OAuthFlowStore,
    private readonly em: EntityManager,
  ) {}

  async execute(command: StartOAuthCommand): Promise<StartedOAuth> {
    const provider = enabledProvider(this.providers, command.provider);
    if (command.linkUserId) {
      const linked = await this.em
        .fork()
        .count(UserIdentity, { userId: command.linkUserId, provider });
      if (linked > 0) {
        throw Problem.conflict(
          'auth.provider_already_linked',
          'This provider is already linked to your account',
        );
      }
    }
    const state = generateState();
    const codeVerifier = generateCodeVerifier();
    const nonce = newOpaqueToken('on');
    await this.store.savePending(state, {
      provider,
      codeVerifier,
      nonceHash: hashToken(nonce),
      ...(command.linkUserId ? { linkUserId: command.linkUserId } : {}),
    });
    return {
      authorizationUrl: this.providers.driver(provider).authorizationUrl(state, codeVerifier),
      nonce,
    };
  }
}
