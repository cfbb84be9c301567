import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';
import {
  OAUTH_PROVIDERS,
  type OAuthProviderName,
  type UserIdentity,
} from '../entities/user-identity.entity';
import { ReauthenticationDto } from './reauthentication.dto';
import { OTP_DESCRIPTION } from './two-factor.dto';

export class OAuthProviderDto {
  @ApiProperty({ enum: OAUTH_PROVIDERS, example: 'google' })
  provider!: OAuthProviderName;

  @ApiProperty({ example: true, description: 'False when the provider is not configured here' })
  enabled!: boolean;
}

export class OAuthExchangeDto {
  @ApiProperty({
    example: 'oc_Jx0sS9cQEXAMPLEonetimecode0fromthecallbackurl',
    description:
      'The `code` query parameter of the frontend callback URL; works once, within 60 s.',
  })
  @IsString()
  @MaxLength(200)
  @Matches(/^oc_[A-Za-z0-9_-]+$/, { message: 'code is not a sign-in code' })
  code!: string;
}

export class AuthorizationUrlDto {
  @ApiProperty({
    example:
      'https://accounts.google.com/o/oauth2/v2/auth?response_type=code&client_id=…&state=…&code_challenge=…&code_challenge_method=S256&scope=openid+email+profile',
    description:
      'Send the browser here; the provider returns to our callback, which then asks the signed-in ' +
      'user to confirm the link.',
  })
  authorizationUrl!: string;
}

export class LinkedIdentityDto {
  @ApiProperty({ enum: OAUTH_PROVIDERS, example: 'linkedin' })
  provider!: OAuthProviderName;

  @ApiProperty({ nullable: true, type: String, example: 'ada@example.com' })
  email!: string | null;

  @ApiProperty({ format: 'date-time' })
  linkedAt!: string;

  static from(identity: UserIdentity): LinkedIdentityDto {
    return {
      provider: identity.provider,
      email: identity.email ?? null,
      linkedAt: identity.createdAt.toISOString(),
    };
  }
}

export class OAuthSecondFactorDto {
  @ApiProperty({
    example: 'mc_Jx0sS9cQEXAMPLEchallengefromtheexchange',
    description: 'The `mfaChallenge` of the 401 auth.mfa_required answer of the exchange (5 min).',
  })
  @IsString()
  @MaxLength(200)
  @Matches(/^mc_[A-Za-z0-9_-]+$/, { message: 'mfaChallenge is not a challenge' })
  mfaChallenge!: string;

  @ApiProperty({ example: '492039', description: OTP_DESCRIPTION })
  @IsString()
  @MinLength(6)
  @MaxLength(32)
  otp!: string;
}

export class ConfirmIdentityLinkDto extends ReauthenticationDto {
  @ApiProperty({
    example: 'pl_Jx0sS9cQEXAMPLEpendinglinkfromthecallbackurl',
    description: 'The `pendingLink` query parameter of the frontend callback URL (10 min).',
  })
  @IsString()
  @MaxLength(200)
  @Matches(/^pl_[A-Za-z0-9_-]+$/, { message: 'pendingLink is not a pending link' })
  pendingLink!: string;
}
