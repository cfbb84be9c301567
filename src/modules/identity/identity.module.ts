import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { AccountController, ProfileController } from './account.controller';
import { AdminAccountSeeder } from './admin-account.seeder';
import { ChangePasswordHandler } from './commands/change-password/change-password.handler';
import { EndSessionHandler } from './commands/end-session/end-session.handler';
import { LoginHandler } from './commands/login/login.handler';
import { LogoutHandler } from './commands/logout/logout.handler';
import { RefreshTokensHandler } from './commands/refresh/refresh-tokens.handler';
import { RegisterHandler } from './commands/register/register.handler';
import { RequestPasswordResetHandler } from './commands/request-password-reset/request-password-reset.handler';
import { ResendVerificationHandler } from './commands/resend-verification/resend-verification.handler';
import { ResetPasswordHandler } from './commands/reset-password/reset-password.handler';
import { UpdateProfileHandler } from './commands/update-profile/update-profile.handler';
import { VerifyEmailHandler } from './commands/verify-email/verify-email.handler';
import { OAUTH_CONTROLLERS, OAUTH_INJECTABLES } from './oauth/oauth.wiring';
import { EmailVerification } from './email-verification';
import { AuthGuard } from './guards/auth.guard';
import { AuthController, JwksController, MeController } from './identity.controller';
import { PasswordResetProcessor } from './jobs/password-reset.processor';
import { PasswordHasher } from './password-hasher';
import { GetMeHandler } from './queries/get-me/get-me.handler';
import { ListSessionsHandler } from './queries/list-sessions/list-sessions.handler';
import { AccessTokenDenylist } from './sessions/access-token-denylist';
import { SessionService } from './sessions/session.service';
import { UserTokens } from './sessions/user-tokens';
import { TokenService } from './token.service';

/** Accounts, sign-in, sessions and tokens. The password-reset job runs only in worker processes. */
@Module({})
export class IdentityModule {
  static forRole(runsWorker: boolean): DynamicModule {
    return {
      module: IdentityModule,
      imports: [CqrsModule],
      controllers: [
        AuthController,
        AccountController,
        MeController,
        ProfileController,
        JwksController,
        ...OAUTH_CONTROLLERS,
      ],
      providers: [
        TokenService,
        PasswordHasher,
        AccessTokenDenylist,
        SessionService,
        UserTokens,
        EmailVerification,
        LoginHandler,
        RefreshTokensHandler,
        LogoutHandler,
        EndSessionHandler,
        RegisterHandler,
        VerifyEmailHandler,
        ResendVerificationHandler,
        RequestPasswordResetHandler,
        ResetPasswordHandler,
        ChangePasswordHandler,
        UpdateProfileHandler,
        GetMeHandler,
        ListSessionsHandler,
        AdminAccountSeeder,
        ...OAUTH_INJECTABLES,
        { provide: APP_GUARD, useClass: AuthGuard },
        ...(runsWorker ? [PasswordResetProcessor] : []),
      ],
      exports: [TokenService],
    };
  }
}
