import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';

export class RefreshDto {
  @ApiProperty({ example: 'rt_3q2-7wEXAMPLE0tokenvalue0nly0shown0once0k' })
  @IsString()
  @MaxLength(200)
  @Matches(/^rt_[A-Za-z0-9_-]+$/, { message: 'refreshToken is not a refresh token' })
  refreshToken!: string;
}
