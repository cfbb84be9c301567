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
import { MeDto } from './me.dto';
import { PreferencesDto, SocialLinksDto } from './profile.dto';
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

export class DeleteAccountDto {
  @ApiPropertyOptional({
    example: 'my-current-password',
    description:
      'Required when the account has a password (accounts made through OAuth may have none).',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(128)
  password?: string;

  @ApiPropertyOptional({
    example: '123456',
    description:
      'Required when two-factor authentication is on: a TOTP or an unused recovery code.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  otp?: string;
}

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
}
