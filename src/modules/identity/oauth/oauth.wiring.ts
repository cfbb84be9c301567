import type { Provider, Type } from '@nestjs/common';
import { Reauthentication } from '../accounts/reauthentication';
import { CompleteOAuthHandler } from '../commands/complete-oauth/complete-oauth.handler';
import { ConfirmIdentityLinkHandler } from '../commands/confirm-identity-link/confirm-identity-link.handler';
import { VerifyOAuthSecondFactorHandler } from '../commands/verify-oauth-second-factor/verify-oauth-second-factor.handler';
import { ExchangeOAuthCodeHandler } from '../commands/exchange-oauth-code/exchange-oauth-code.handler';
import { StartOAuthHandler } from '../commands/start-oauth/start-oauth.handler';
import { UnlinkIdentityHandler } from '../commands/unlink-identity/unlink-identity.handler';
import { OAuthController } from '../auth-oauth.controller';
import { IdentitiesController } from '../me-identities.controller';
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
  VerifyOAuthSecondFactorHandler,
  ConfirmIdentityLinkHandler,
  Reauthentication,
  UnlinkIdentityHandler,
  ListOAuthProvidersHandler,
  ListIdentitiesHandler,
];
