import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional } from 'class-validator';
import { CursorQueryDto } from '../../../common/pagination';

export class ListOutboxQueryDto extends CursorQueryDto {
  @ApiPropertyOptional({ enum: ['queued', 'sent', 'failed'] })
  @IsOptional()
  @IsIn(['queued', 'sent', 'failed'])
  status?: 'queued' | 'sent' | 'failed';

  @ApiPropertyOptional({ format: 'email', description: 'Only messages to this recipient.' })
  @IsOptional()
  @IsEmail()
  to?: string;
}
