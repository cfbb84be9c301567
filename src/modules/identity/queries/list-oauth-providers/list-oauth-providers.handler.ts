import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { OAuthProviderDto } from '../../dto/oauth.dto';
import { OAUTH_PROVIDERS } from '../../entities/user-identity.entity';
import { OAuthProviders } from '../../oauth/oauth-providers';
import { ListOAuthProvidersQuery } from './list-oauth-providers.query';

@QueryHandler(ListOAuthProvidersQuery)
export class ListOAuthProvidersHandler implements IQueryHandler<
  ListOAuthProvidersQuery,
  OAuthProviderDto[]
> {
  constructor(private readonly providers: OAuthProviders) {}

  execute(): Promise<OAuthProviderDto[]> {
    return Promise.resolve(
      OAUTH_PROVIDERS.map((provider) => ({
        provider,
        enabled: this.providers.isEnabled(provider),
      })),
    );
  }
}
