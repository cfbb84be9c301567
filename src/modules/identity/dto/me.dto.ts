import { ApiProperty } from '@nestjs/swagger';
import { PreferencesDto, SocialLinksDto } from './profile.dto';
import type { RefreshToken } from '../entities/refresh-token.entity';
import { isDeliverable } from '../oauth/placeholder-email';
import {
  DEFAULT_PREFERENCES,
  type SocialLinks,
  type User,
  type UserPreferences,
} from '../entities/user.entity';

export class AvatarUrlsDto {
  @ApiProperty({
    example: 'https://cdn.example.com/profile-images/0190.../0190.../avatar256.webp',
    format: 'uri',
  })
  webp!: string;
  @ApiProperty({
    example: 'https://cdn.example.com/profile-images/0190.../0190.../avatar256.jpg',
    format: 'uri',
  })
  jpeg!: string;
}

export class AvatarDto {
  @ApiProperty({ format: 'uuid', description: 'The profile-image upload shown' })
  fileId!: string;
  @ApiProperty({
    type: AvatarUrlsDto,
    description: 'Square, at most 256 px (smaller only when the upload was)',
  })
  size256!: AvatarUrlsDto;
  @ApiProperty({
    type: AvatarUrlsDto,
    description: 'Square, at most 1024 px (smaller only when the upload was)',
  })
  size1024!: AvatarUrlsDto;
}

export class MeDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty({
    example: 'ada@example.com',
    nullable: true,
    type: String,
    description:
      'null while the account has no email address yet (made through X or Facebook, which share ' +
      'none the platform can trust): see `emailMissing`.',
  })
  email!: string | null;
  @ApiProperty({
    example: false,
    description:
      'True when the account has no real email address yet: ask the user for one ' +
      '(POST /v1/me/email); no mail reaches the account until then.',
  })
  emailMissing!: boolean;
  @ApiProperty({
    example: null,
    nullable: true,
    type: String,
    format: 'email',
    description: 'A change of address waiting for the new address to confirm (POST /v1/me/email)',
  })
  pendingEmail!: string | null;
  @ApiProperty({ example: 'Ada Lovelace' })
  name!: string;
  @ApiProperty({ enum: ['user', 'editor', 'admin'] })
  role!: string;
  @ApiProperty({ enum: ['free', 'pro', 'premium'] })
  tier!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  lastLoginAt!: string | null;
  @ApiProperty({ example: false, description: 'Whether the email address was confirmed' })
  emailVerified!: boolean;
  @ApiProperty({ type: PreferencesDto })
  preferences!: UserPreferences;
  @ApiProperty({ type: SocialLinksDto })
  socialLinks!: SocialLinks;
  @ApiProperty({ example: 'pt-BR', description: 'BCP 47 language tag (canonical)' })
  locale!: string;
  @ApiProperty({ example: 'Europe/Berlin', description: 'IANA time zone name' })
  timezone!: string;
  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
  @ApiProperty({ example: false, description: 'Sign-in needs a TOTP or recovery code' })
  twoFactorEnabled!: boolean;
  @ApiProperty({
    type: AvatarDto,
    nullable: true,
    description:
      'The picture (PUT /v1/me/avatar): permanent public URLs, from CDN_URL when configured; ' +
      'upright and without metadata (EXIF, GPS). null when none.',
  })
  avatar!: AvatarDto | null;

  /** `avatar`: the URLs of the user's picture (MeView builds them), null for none. */
  static from(user: User, avatar: AvatarDto | null = null): MeDto {
    return {
      id: user.id,
      email: isDeliverable(user.email) ? user.email : null,
      emailMissing: !isDeliverable(user.email),
      pendingEmail: user.pendingEmail ?? null,
      name: user.name,
      role: user.role,
      tier: user.tier,
      lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
      emailVerified: Boolean(user.emailVerifiedAt),
      preferences: { ...DEFAULT_PREFERENCES, ...user.preferences },
      socialLinks: user.socialLinks ?? {},
      locale: user.locale,
      timezone: user.timezone,
      createdAt: user.createdAt.toISOString(),
      twoFactorEnabled: user.twoFactorEnabled,
      avatar,
    };
  }
}

export class SessionImpersonationDto {
  @ApiProperty({ format: 'uuid', description: 'The admin reading the account' })
  adminId!: string;
  @ApiProperty({ example: 'Ticket #4521: the CV export fails' })
  reason!: string;
}

export class SessionDto {
  @ApiProperty({ format: 'uuid', description: 'Session id (pass to DELETE /v1/me/sessions/{id})' })
  id!: string;
  @ApiProperty({ nullable: true, type: String, example: 'Mozilla/5.0 (X11; Linux x86_64)' })
  device!: string | null;
  @ApiProperty({ nullable: true, type: String, example: '203.0.113.7' })
  ip!: string | null;
  @ApiProperty({ format: 'date-time', description: 'When the session last refreshed or signed in' })
  lastUsedAt!: string;
  @ApiProperty({ format: 'date-time' })
  expiresAt!: string;
  @ApiProperty({ example: true, description: 'The session of the token making this request' })
  current!: boolean;
  @ApiProperty({
    type: () => SessionImpersonationDto,
    nullable: true,
    description: 'Set when an admin reads the account as you (support); end it like any session',
  })
  impersonation!: SessionImpersonationDto | null;

  static from(token: RefreshToken, currentJti?: string): SessionDto {
    return {
      impersonation: token.impersonatedBy
        ? { adminId: token.impersonatedBy, reason: token.impersonationReason ?? '' }
        : null,
      id: token.familyId,
      device: token.userAgent ?? null,
      ip: token.ip ?? null,
      lastUsedAt: token.createdAt.toISOString(),
      expiresAt: token.familyExpiresAt.toISOString(),
      current: token.accessJti === currentJti,
    };
  }
}
