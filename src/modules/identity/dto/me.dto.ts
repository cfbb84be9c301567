import { ApiProperty } from '@nestjs/swagger';
import { PreferencesDto, SocialLinksDto } from './profile.dto';
import type { RefreshToken } from '../entities/refresh-token.entity';
import {
  DEFAULT_PREFERENCES,
  type SocialLinks,
  type User,
  type UserPreferences,
} from '../entities/user.entity';

export class MeDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty({ example: 'ada@example.com' })
  email!: string;
  @ApiProperty({ example: 'Ada Lovelace' })
  name!: string;
  @ApiProperty({ enum: ['user', 'admin'] })
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
  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
  @ApiProperty({ example: false, description: 'Sign-in needs a TOTP or recovery code' })
  twoFactorEnabled!: boolean;

  static from(user: User): MeDto {
    return {
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      tier: user.tier,
      lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
      emailVerified: Boolean(user.emailVerifiedAt),
      preferences: { ...DEFAULT_PREFERENCES, ...user.preferences },
      socialLinks: user.socialLinks ?? {},
      createdAt: user.createdAt.toISOString(),
      twoFactorEnabled: user.twoFactorEnabled,
    };
  }
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

  static from(token: RefreshToken, currentJti?: string): SessionDto {
    return {
      id: token.familyId,
      device: token.userAgent ?? null,
      ip: token.ip ?? null,
      lastUsedAt: token.createdAt.toISOString(),
      expiresAt: token.familyExpiresAt.toISOString(),
      current: token.accessJti === currentJti,
    };
  }
}
