import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { AdminAccountSeeder } from './admin-account.seeder';
import { DisableTwoFactorHandler } from './commands/disable-two-factor/disable-two-factor.handler';
import { EnableTwoFactorHandler } from './commands/enable-two-factor/enable-two-factor.handler';
import { EndSessionHandler } from './commands/end-session/end-session.handler';
import { LoginHandler } from './commands/login/login.handler';
import { LogoutHandler } from './commands/logout/logout.handler';
import { RefreshTokensHandler } from './commands/refresh/refresh-tokens.handler';
import { SetUpTwoFactorHandler } from './commands/set-up-two-factor/set-up-two-factor.handler';
import { EmailTwoFactorChangeHandler } from './event-handlers/email-two-factor-change.handler';
import { AuthGuard } from './guards/auth.guard';
import { AuthController, JwksController, MeController } from './identity.controller';
import { PasswordHasher } from './password-hasher';
import { GetMeHandler } from './queries/get-me/get-me.handler';
import { ListSessionsHandler } from './queries/list-sessions/list-sessions.handler';
import { AccessTokenDenylist } from './sessions/access-token-denylist';
import { SessionService } from './sessions/session.service';
import { TokenService } from './token.service';
import { TwoFactorController } from './two-factor.controller';
import { TwoFactorService } from './two-factor/two-factor.service';

@Module({
  imports: [CqrsModule],
  controllers: [AuthController, MeController, JwksController, TwoFactorController],
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
    TwoFactorService,
    SetUpTwoFactorHandler,
    EnableTwoFactorHandler,
    DisableTwoFactorHandler,
    EmailTwoFactorChangeHandler,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [TokenService],
})
export class IdentityModule {}
