import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';

export const OTP_DESCRIPTION =
  'The 6-digit code from the authenticator app, or one of the recovery codes (each works once)';

export class TwoFactorSetupDto {
  @ApiProperty({
    example: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
    description: 'Base32 TOTP secret for manual entry. Shown only here, only now.',
  })
  secret!: string;

  @ApiProperty({
    example:
      'otpauth://totp/Career%20Tools:ada%40example.com?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Career%20Tools',
  })
  otpauthUrl!: string;

  @ApiProperty({
    example: 'data:image/png;base64,iVBORw0KGgo...',
    description: 'The otpauth URL as a QR code',
  })
  qrCodeDataUrl!: string;
}

export class EnableTwoFactorDto {
  @ApiProperty({ example: '492039', description: 'A current code for the secret from setup' })
  @IsString()
  @Matches(/^\d{6}$/, { message: 'otp must be 6 digits' })
  otp!: string;
}

export class RecoveryCodesDto {
  @ApiProperty({
    type: [String],
    minItems: 10,
    maxItems: 10,
    example: ['7K2M-QX9D-4HRT-B1ZC', 'P3VA-9GNE-W0XK-5TJD'],
    description: 'Single-use codes for when the authenticator app is lost. Shown only once.',
  })
  recoveryCodes!: string[];
}

export class DisableTwoFactorDto {
  @ApiProperty({ example: 'correct horse battery staple', minLength: 1, maxLength: 128 })
  @IsString()
  @MinLength(1)
  @MaxLength(128)
  password!: string;

  @ApiPropertyOptional({
    example: '492039',
    description: `${OTP_DESCRIPTION}. Send this or recoveryCode.`,
  })
  @IsOptional()
  @IsString()
  @MinLength(6)
  @MaxLength(32)
  otp?: string;

  @ApiPropertyOptional({
    example: '7K2M-QX9D-4HRT-B1ZC',
    description: 'A recovery code (instead of otp)',
  })
  @IsOptional()
  @IsString()
  @MinLength(6)
  @MaxLength(32)
  recoveryCode?: string;
}
