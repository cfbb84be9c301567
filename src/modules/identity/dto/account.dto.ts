import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsAcceptablePassword } from '../passwords/password-policy';
import { IsLocale, IsTimeZone } from '../profile/locale-and-zone';
import { MeDto } from './me.dto';
import { PreferencesDto, SocialLinksDto } from './profile.dto';
import { ReauthenticationDto } from './reauthentication.dto';
import { TokenPair } from './token-pair.dto';

const PASSWORD_RULES = '12–128 characters, at most 72 bytes, not a common password.';

export class RegisterDto {
  @ApiProperty({ example: 'ada@example.com', format: 'email' })
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiProperty({ example: 'violet-harbour-tram-1987', description: PASSWORD_RULES })
  @IsString()
  @IsAcceptablePassword()
  password!: string;

  @ApiProperty({ example: 'Ada Lovelace', minLength: 1, maxLength: 100 })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name!: string;

  @ApiPropertyOptional({
    example: 'pt-BR',
    description:
      'BCP 47 language tag. Without it, the first valid one of `Accept-Language`, else `en`.',
  })
  @IsOptional()
  @IsLocale()
  locale?: string;

  @ApiPropertyOptional({
    example: 'America/Sao_Paulo',
    description: 'IANA time zone name; `UTC` without it.',
  })
  @IsOptional()
  @IsTimeZone()
  timezone?: string;
}

export class RegisteredDto extends TokenPair {
  @ApiProperty({ type: MeDto })
  user!: MeDto;
}

export class VerifyEmailDto {
  @ApiProperty({
    example: 'ev_Vb3kQ2EXAMPLEtokenFromTheEmailedLink000000',
    description: 'From the emailed link',
  })
  @IsString()
  @MaxLength(200)
  @Matches(/^ev_[A-Za-z0-9_-]+$/, { message: 'token is not an email verification token' })
  token!: string;
}

export class ForgotPasswordDto {
  @ApiProperty({ example: 'ada@example.com', format: 'email' })
  @IsEmail()
  @MaxLength(254)
  email!: string;
}

export class ResetPasswordDto {
  @ApiProperty({
    example: 'pr_Vb3kQ2EXAMPLEtokenFromTheEmailedLink000000',
    description: 'From the emailed link',
  })
  @IsString()
  @MaxLength(200)
  @Matches(/^pr_[A-Za-z0-9_-]+$/, { message: 'token is not a password reset token' })
  token!: string;

  @ApiProperty({ example: 'violet-harbour-tram-1987', description: PASSWORD_RULES })
  @IsString()
  @IsAcceptablePassword()
  password!: string;

  @ApiPropertyOptional({
    example: false,
    description:
      'Also unlink every sign-in provider (Google, LinkedIn, X, Facebook). Providers linked ' +
      'while the email address was unverified are unlinked in any case.',
  })
  @IsOptional()
  @IsBoolean()
  unlinkIdentities?: boolean;

  @ApiPropertyOptional({ example: false, description: 'Also revoke every API key.' })
  @IsOptional()
  @IsBoolean()
  revokeApiKeys?: boolean;
}

export class ChangePasswordDto {
  @ApiProperty({ example: 'my-current-password' })
  @IsString()
  @MinLength(1)
  @MaxLength(128)
  currentPassword!: string;

  @ApiProperty({ example: 'violet-harbour-tram-1987', description: PASSWORD_RULES })
  @IsString()
  @IsAcceptablePassword()
  newPassword!: string;
}

export class DeleteAccountDto extends ReauthenticationDto {}

/** What a user may change about themselves. Anything else (tier, role, email…) is refused with 400. */
export class UpdateMeDto {
  @ApiPropertyOptional({ example: 'Ada King', minLength: 1, maxLength: 100 })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name?: string;

  @ApiPropertyOptional({ type: PreferencesDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => PreferencesDto)
  preferences?: PreferencesDto;

  @ApiPropertyOptional({ type: SocialLinksDto, description: 'null removes a link' })
  @IsOptional()
  @ValidateNested()
  @Type(() => SocialLinksDto)
  socialLinks?: SocialLinksDto;

  @ApiPropertyOptional({
    example: 'pt-BR',
    description:
      'BCP 47 language tag (stored canonical: `pt-br` → `pt-BR`); the language of emails, ' +
      'digests and documents. An invalid tag → 400 with `errors[].path` `$.locale`.',
  })
  @IsOptional()
  @IsLocale()
  locale?: string;

  @ApiPropertyOptional({
    example: 'Europe/Berlin',
    description:
      'IANA time zone name (stored canonical); schedules and digests run in it. An unknown zone ' +
      '→ 400 with `errors[].path` `$.timezone`.',
  })
  @IsOptional()
  @IsTimeZone()
  timezone?: string;
}
