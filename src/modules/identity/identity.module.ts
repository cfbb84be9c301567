import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { AdminAccountSeeder } from './admin-account.seeder';
import { EndSessionHandler } from './commands/end-session/end-session.handler';
import { LoginHandler } from './commands/login/login.handler';
import { LogoutHandler } from './commands/logout/logout.handler';
import { RefreshTokensHandler } from './commands/refresh/refresh-tokens.handler';
import { NotifyAccountLockedHandler } from './event-handlers/notify-account-locked.handler';
import { AuthGuard } from './guards/auth.guard';
import { AuthController, JwksController, MeController } from './identity.controller';
import { PasswordHasher } from './password-hasher';
import { GetMeHandler } from './queries/get-me/get-me.handler';
import { ListSessionsHandler } from './queries/list-sessions/list-sessions.handler';
import { AccessTokenDenylist } from './sessions/access-token-denylist';
import { SessionService } from './sessions/session.service';
import { TokenService } from './token.service';

@Module({
  imports: [CqrsModule],
  controllers: [AuthController, MeController, JwksController],
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
    NotifyAccountLockedHandler,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [TokenService, SessionService],
})
export class IdentityModule {}
