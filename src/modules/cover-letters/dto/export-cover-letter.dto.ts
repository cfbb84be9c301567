import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { CoverLetterFormat } from '../queries/export-cover-letter/export-cover-letter.query';

export class ExportCoverLetterDto {
  @ApiPropertyOptional({ enum: ['pdf', 'html'], default: 'pdf' })
  @IsOptional()
  @IsIn(['pdf', 'html'])
  format?: CoverLetterFormat;
}
