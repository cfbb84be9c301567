import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class SetAvatarDto {
  @ApiProperty({
    format: 'uuid',
    example: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
    description: 'A `profile-image` upload of the caller (POST /v1/files) that is `ready`',
  })
  @IsUUID()
  fileId!: string;
}
