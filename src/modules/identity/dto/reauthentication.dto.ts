import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { OTP_DESCRIPTION } from './two-factor.dto';

/** What a signed-in user gives to confirm a sensitive change: their password and second factor. */
export class ReauthenticationDto {
  @ApiPropertyOptional({
    example: 'my-current-password',
    description:
      'The account password; required when the account has one (accounts made through OAuth ' +
      'may have none).',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(128)
  password?: string;

  @ApiPropertyOptional({
    example: '492039',
    description: `${OTP_DESCRIPTION}; required when two-factor authentication is on.`,
  })
  @IsOptional()
  @IsString()
  @MinLength(6)
  @MaxLength(32)
  otp?: string;
}
