import { ApiProperty } from '@nestjs/swagger';

export class TokenPair {
  @ApiProperty({ example: 'eyJhbGciOiJSUzI1NiIsImtpZCI6Ii4uLiJ9...' })
  accessToken!: string;

  @ApiProperty({ example: 86400, description: 'Seconds until the access token expires.' })
  expiresIn!: number;

  @ApiProperty({ example: 'Bearer', enum: ['Bearer'] })
  tokenType!: 'Bearer';
}
