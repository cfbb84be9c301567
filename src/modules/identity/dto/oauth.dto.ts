import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';
import {
  OAUTH_PROVIDERS,
  type OAuthProviderName,
  type UserIdentity,
} from '../entities/user-identity.entity';

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
      'Send the browser here; the provider returns to our callback, which links the account.',
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
