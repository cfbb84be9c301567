import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { AdminAccountSeeder } from './admin-account.seeder';
import { ApiKeyAuthenticator } from './api-keys/api-key-authenticator';
import { ApiKeyUsage } from './api-keys/api-key-usage';
import { ApiKeysController } from './api-keys.controller';
import { CreateApiKeyHandler } from './commands/create-api-key/create-api-key.handler';
import { EndSessionHandler } from './commands/end-session/end-session.handler';
import { LoginHandler } from './commands/login/login.handler';
import { LogoutHandler } from './commands/logout/logout.handler';
import { RefreshTokensHandler } from './commands/refresh/refresh-tokens.handler';
import { RevokeApiKeyHandler } from './commands/revoke-api-key/revoke-api-key.handler';
import { AuthGuard } from './guards/auth.guard';
import { AuthController, JwksController, MeController } from './identity.controller';
import { PasswordHasher } from './password-hasher';
import { GetMeHandler } from './queries/get-me/get-me.handler';
import { ListApiKeysHandler } from './queries/list-api-keys/list-api-keys.handler';
import { ListSessionsHandler } from './queries/list-sessions/list-sessions.handler';
import { AccessTokenDenylist } from './sessions/access-token-denylist';
import { SessionService } from './sessions/session.service';
import { TokenService } from './token.service';

@Module({
  imports: [CqrsModule],
  controllers: [AuthController, MeController, ApiKeysController, JwksController],
  providers: [
    TokenService,
    PasswordHasher,
    AccessTokenDenylist,
    SessionService,
    LoginHandler,
    RefreshTokensHandler,
    LogoutHandler,
    EndSessionHandler,
    GetMeHandler,
    ListSessionsHandler,
    AdminAccountSeeder,
    ApiKeyUsage,
    ApiKeyAuthenticator,
    CreateApiKeyHandler,
    RevokeApiKeyHandler,
    ListApiKeysHandler,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [TokenService],
})
export class IdentityModule {}
