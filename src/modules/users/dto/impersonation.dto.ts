import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';

/** The longest impersonation session an admin can start. */
export const IMPERSONATION_MAX_MINUTES = 30;
export const IMPERSONATION_DEFAULT_MINUTES = 15;

export class StartImpersonationDto {
  @ApiProperty({
    description: 'Why support reads this account; shown to the user and kept in the audit trail',
    example: 'Ticket #4521: the CV export fails',
    minLength: 5,
    maxLength: 500,
  })
  @IsString()
  @MinLength(5)
  @MaxLength(500)
  reason!: string;

  @ApiPropertyOptional({
    description: `How long the session lasts, in minutes (${IMPERSONATION_MAX_MINUTES} at most)`,
    minimum: 1,
    maximum: IMPERSONATION_MAX_MINUTES,
    default: IMPERSONATION_DEFAULT_MINUTES,
    example: 15,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(IMPERSONATION_MAX_MINUTES)
  minutes?: number;
}

export class ImpersonationDto {
  @ApiProperty({
    format: 'uuid',
    description: 'The session, listed in the user’s GET /v1/me/sessions',
  })
  sessionId!: string;
  @ApiProperty({ format: 'uuid' })
  userId!: string;
  @ApiProperty({
    description:
      'A read-only access token for the user: writes get 403 auth.impersonation_read_only',
    example: 'eyJhbGciOiJSUzI1NiIsImtpZCI6Ii4uLiJ9...',
  })
  accessToken!: string;
  @ApiProperty({ enum: ['Bearer'], example: 'Bearer' })
  tokenType!: 'Bearer';
  @ApiProperty({ description: 'Seconds until the token expires (no refresh)', example: 900 })
  expiresIn!: number;
  @ApiProperty({ format: 'date-time' })
  expiresAt!: string;
  @ApiProperty({ enum: [true], example: true })
  readOnly!: true;
}
