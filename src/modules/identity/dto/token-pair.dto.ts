import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class TokenPair {
  @ApiProperty({ example: 'eyJhbGciOiJSUzI1NiIsImtpZCI6Ii4uLiJ9...' })
  accessToken!: string;

  @ApiProperty({
    example: 'rt_3q2-7wEXAMPLE0tokenvalue0nly0shown0once0k',
    description: 'Opaque, single use: each refresh returns a new one.',
  })
  refreshToken!: string;

  @ApiProperty({ example: 900, description: 'Seconds until the access token expires.' })
  expiresIn!: number;

  @ApiProperty({ example: 'Bearer', enum: ['Bearer'] })
  tokenType!: 'Bearer';

  @ApiPropertyOptional({
    example: true,
    enum: [true],
    description:
      'Present (true) when the account has no email address yet (OAuth sign-in through X or ' +
      'Facebook): ask the user for one and send it to POST /v1/me/email.',
  })
  emailMissing?: true;
}
