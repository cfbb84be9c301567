import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { OTP_DESCRIPTION } from './two-factor.dto';

export class LoginDto {
  @ApiProperty({ example: 'admin@career-tools.local', format: 'email' })
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiProperty({ example: 'correct horse battery staple', minLength: 1, maxLength: 128 })
  @IsString()
  @MinLength(1)
  @MaxLength(128)
  password!: string;

  @ApiPropertyOptional({
    example: '492039',
    minLength: 6,
    maxLength: 32,
    description: `Needed when the account has two-factor authentication on (else 401 auth.mfa_required). ${OTP_DESCRIPTION}.`,
  })
  @IsOptional()
  @IsString()
  @MinLength(6)
  @MaxLength(32)
  otp?: string;
}
