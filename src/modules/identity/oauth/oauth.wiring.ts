import type { Provider, Type } from '@nestjs/common';
import { CompleteOAuthHandler } from '../commands/complete-oauth/complete-oauth.handler';
import { ExchangeOAuthCodeHandler } from '../commands/exchange-oauth-code/exchange-oauth-code.handler';
import { StartOAuthHandler } from '../commands/start-oauth/start-oauth.handler';
import { UnlinkIdentityHandler } from '../commands/unlink-identity/unlink-identity.handler';
import { IdentitiesController, OAuthController } from '../oauth.controller';
import { ListIdentitiesHandler } from '../queries/list-identities/list-identities.handler';
import { ListOAuthProvidersHandler } from '../queries/list-oauth-providers/list-oauth-providers.handler';
import { OAuthFlowStore } from './oauth-flow-store';

/** OAuth login and linking, registered in IdentityModule in one line each (keeps merges small). */
export const OAUTH_CONTROLLERS: Type[] = [OAuthController, IdentitiesController];

export const OAUTH_INJECTABLES: Provider[] = [
  OAuthFlowStore,
  StartOAuthHandler,
  CompleteOAuthHandler,
  ExchangeOAuthCodeHandler,
  UnlinkIdentityHandler,
  ListOAuthProvidersHandler,
  ListIdentitiesHandler,
];
