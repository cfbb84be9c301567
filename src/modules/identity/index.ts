export { IdentityModule } from './identity.module';
export { ApiKey } from './entities/api-key.entity';
export { PendingAccessDenial } from './entities/pending-access-denial.entity';
export { RefreshToken } from './entities/refresh-token.entity';
export { User } from './entities/user.entity';
export { UserDevice } from './entities/user-device.entity';
export { UserIdentity } from './entities/user-identity.entity';
export { UserToken } from './entities/user-token.entity';
export { TokenService } from './token.service';
export { SessionService } from './sessions/session.service';
export {
  AccessTokenAuthenticator,
  type AccessTokenRejection,
} from './sessions/access-token-authenticator';
export { UserTiers } from './accounts/user-tiers';
export {
  AvatarChanged,
  AvatarRemoved,
  UserDeleted,
  UserRegistered,
} from './events/identity.events';
export { UserTierChanged } from './events/account.events';
export { identityProblems } from './identity.problems';
export { UserPreferencesReader, type LocaleAndZone } from './profile/user-preferences-reader';
export {
  AVATAR_IMAGES,
  AVATAR_FORMATS,
  AVATAR_SIZES,
  avatarObjectName,
  type AvatarImages,
  type AvatarObject,
  type UserAvatar,
} from './profile/avatar-images';
export { AvatarUploads } from './profile/avatar-uploads';
export { OAuthPictureOffered } from './events/oauth.events';
export { AccountLocked } from './events/account.events';
export { PasswordChanged } from './events/identity.events';
export { ImpersonationStarted, NewDeviceLogin } from './events/session.events';
export { TwoFactorDisabled, TwoFactorEnabled } from './events/two-factor.events';
export { identityEmails } from './emails/identity-emails';
