import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { OAuthProviderModule } from '@lib/providers';
import { AdminAccountSeeder } from './admin-account.seeder';
import { AuthEmailChangeController } from './auth-email-change.controller';
import { CancelEmailChangeHandler } from './commands/cancel-email-change/cancel-email-change.handler';
import { ConfirmEmailChangeHandler } from './commands/confirm-email-change/confirm-email-change.handler';
import { RequestEmailChangeHandler } from './commands/request-email-change/request-email-change.handler';
import { MeEmailController } from './me-email.controller';
import { MeAvatarController } from './me-avatar.controller';
import { RemoveAvatarHandler } from './commands/remove-avatar/remove-avatar.handler';
import { SetAvatarHandler } from './commands/set-avatar/set-avatar.handler';
import { AvatarUploads } from './profile/avatar-uploads';
import { MeView } from './profile/me-view';
import { ApiKeyAuthenticator } from './api-keys/api-key-authenticator';
import { ApiKeyDailyUsage } from './api-keys/api-key-daily-usage';
import { EraseIdempotencyRecordsOfDeletedUserHandler } from './event-handlers/erase-idempotency-records-of-deleted-user.handler';
import { ApiKeyUsage } from './api-keys/api-key-usage';
import { ApiKeysController } from './me-api-keys.controller';
import { CreateApiKeyHandler } from './commands/create-api-key/create-api-key.handler';
import { ChangePasswordHandler } from './commands/change-password/change-password.handler';
import { DeleteAccountHandler } from './commands/delete-account/delete-account.handler';
import { DisableTwoFactorHandler } from './commands/disable-two-factor/disable-two-factor.handler';
import { EnableTwoFactorHandler } from './commands/enable-two-factor/enable-two-factor.handler';
import { EndSessionHandler } from './commands/end-session/end-session.handler';
import { LoginHandler } from './commands/login/login.handler';
import { LogoutHandler } from './commands/logout/logout.handler';
import { RefreshTokensHandler } from './commands/refresh/refresh-tokens.handler';
import { RegisterHandler } from './commands/register/register.handler';
import { RevokeApiKeyHandler } from './commands/revoke-api-key/revoke-api-key.handler';
import { RequestPasswordResetHandler } from './commands/request-password-reset/request-password-reset.handler';
import { ResendVerificationHandler } from './commands/resend-verification/resend-verification.handler';
import { ResetPasswordHandler } from './commands/reset-password/reset-password.handler';
import { SetUpTwoFactorHandler } from './commands/set-up-two-factor/set-up-two-factor.handler';
import { UpdateProfileHandler } from './commands/update-profile/update-profile.handler';
import { VerifyEmailHandler } from './commands/verify-email/verify-email.handler';
import { OAUTH_CONTROLLERS, OAUTH_INJECTABLES } from './oauth/oauth.wiring';
import { EmailVerification } from './email-verification';
import { EmailTwoFactorChangeHandler } from './event-handlers/email-two-factor-change.handler';
import { NotifyAccountLockedHandler } from './event-handlers/notify-account-locked.handler';
import { NotifyNewDeviceHandler } from './event-handlers/notify-new-device.handler';
import { AuthGuard } from './guards/auth.guard';
import { AuthController } from './auth.controller';
import { MeController } from './me.controller';
import { JwksController } from './well-known.controller';
import { PasswordResetProcessor } from './jobs/password-reset.processor';
import { PendingDenialsSweep } from './jobs/pending-denials.sweep';
import { PasswordHasher } from './password-hasher';
import { UserPreferencesReader } from './profile/user-preferences-reader';
import { GetMeHandler } from './queries/get-me/get-me.handler';
import { GetApiKeyUsageHandler } from './queries/get-api-key-usage/get-api-key-usage.handler';
import { ListApiKeysHandler } from './queries/list-api-keys/list-api-keys.handler';
import { ListSessionsHandler } from './queries/list-sessions/list-sessions.handler';
import { AccessTokenDenylist } from './sessions/access-token-denylist';
import { SessionService } from './sessions/session.service';
import { UserTokens } from './sessions/user-tokens';
import { TokenService } from './token.service';
import { InvalidateCachedUser, UserCache } from './user-cache';
import { UserTiers } from './accounts/user-tiers';
import { IdentityMail } from './emails/identity-mail';
import { TwoFactorController } from './auth-2fa.controller';
import { TwoFactorService } from './two-factor/two-factor.service';
import { IdentityUserData } from './identity-user-data';
import { AccessTokenAuthenticator } from './sessions/access-token-authenticator';

/** Accounts, sign-in, sessions and tokens. The password-reset job runs only in worker processes. */
@Module({})
export class IdentityModule {
  static forRole(runsWorker: boolean): DynamicModule {
    return {
      module: IdentityModule,
      global: true, // other modules (users) use SessionService and TokenService
      imports: [CqrsModule, OAuthProviderModule],
      controllers: [
        AuthController,
        MeController,
        ApiKeysController,
        JwksController,
        TwoFactorController,
        ...OAUTH_CONTROLLERS,
        MeEmailController,
        AuthEmailChangeController,
        MeAvatarController,
      ],
      providers: [
        AccessTokenAuthenticator,
        IdentityUserData,
        TokenService,
        PasswordHasher,
        AccessTokenDenylist,
        UserCache,
        UserTiers,
        IdentityMail,
        InvalidateCachedUser,
        UserPreferencesReader,
        RequestEmailChangeHandler,
        ConfirmEmailChangeHandler,
        CancelEmailChangeHandler,
        MeView,
        AvatarUploads,
        SetAvatarHandler,
        RemoveAvatarHandler,
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
        DeleteAccountHandler,
        UpdateProfileHandler,
        GetMeHandler,
        ListSessionsHandler,
        AdminAccountSeeder,
        TwoFactorService,
        SetUpTwoFactorHandler,
        EnableTwoFactorHandler,
        DisableTwoFactorHandler,
        EmailTwoFactorChangeHandler,
        NotifyAccountLockedHandler,
        NotifyNewDeviceHandler,
        ApiKeyUsage,
        ApiKeyDailyUsage,
        EraseIdempotencyRecordsOfDeletedUserHandler,
        GetApiKeyUsageHandler,
        ApiKeyAuthenticator,
        CreateApiKeyHandler,
        RevokeApiKeyHandler,
        ListApiKeysHandler,
        ...OAUTH_INJECTABLES,
        { provide: APP_GUARD, useClass: AuthGuard },
        ...(runsWorker ? [PasswordResetProcessor, PendingDenialsSweep] : []),
      ],
      exports: [
        TokenService,
        SessionService,
        AccessTokenAuthenticator,
        UserPreferencesReader,
        AvatarUploads,
        UserTiers,
      ],
    };
  }
}
