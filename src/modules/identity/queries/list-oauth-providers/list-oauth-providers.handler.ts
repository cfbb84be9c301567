import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { OAUTH_LOGIN, OAUTH_PROVIDERS, type OAuthLoginPort } from '@lib/providers';
import type { OAuthProviderDto } from '../../dto/oauth.dto';
import { ListOAuthProvidersQuery } from './list-oauth-providers.query';

@QueryHandler(ListOAuthProvidersQuery)
export class ListOAuthProvidersHandler implements IQueryHandler<
  ListOAuthProvidersQuery,
  OAuthProviderDto[]
> {
  constructor(@Inject(OAUTH_LOGIN) private readonly providers: OAuthLoginPort) {}

  execute(): Promise<OAuthProviderDto[]> {
    return Promise.resolve(
      OAUTH_PROVIDERS.map((provider) => ({
        provider,
        enabled: this.providers.isEnabled(provider),
      })),
    );
  }
}
