import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { CV_TEMPLATES, PAGE_SIZES, type CvTemplate, type PageSize } from '../domain/resume';
import {
  EXPORT_FORMATS,
  EXPORT_STATUSES,
  type ExportFormat,
  type ExportStatus,
} from '../entities/cv-export.entity';
import { CvDto } from './cv.dto';

/** Renders with another template or page size than the CV's own (the CV is not changed). */
export class RenderOptionsQueryDto {
  @ApiPropertyOptional({ enum: CV_TEMPLATES, description: 'Default: the CV’s template' })
  @IsOptional()
  @IsIn(CV_TEMPLATES)
  template?: CvTemplate;

  @ApiPropertyOptional({ enum: PAGE_SIZES, description: 'Default: the CV’s page size' })
  @IsOptional()
  @IsIn(PAGE_SIZES)
  pageSize?: PageSize;
}

export class CreateExportDto extends RenderOptionsQueryDto {
  @ApiProperty({ enum: EXPORT_FORMATS, example: 'pdf' })
  @IsIn(EXPORT_FORMATS)
  format!: ExportFormat;
}

export class ExportAcceptedDto {
  @ApiProperty({ format: 'uuid' })
  exportId!: string;
  @ApiProperty({
    enum: EXPORT_STATUSES,
    example: 'queued',
    description: '`ready` at once when the same content was rendered before',
  })
  status!: ExportStatus;
}

export class CvExportDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty({ format: 'uuid' })
  cvId!: string;
  @ApiProperty({ example: 3, description: 'The CV version exported' })
  cvVersion!: number;
  @ApiProperty({ enum: EXPORT_FORMATS })
  format!: ExportFormat;
  @ApiProperty({ enum: CV_TEMPLATES })
  template!: CvTemplate;
  @ApiProperty({ enum: PAGE_SIZES })
  pageSize!: PageSize;
  @ApiProperty({ enum: EXPORT_STATUSES })
  status!: ExportStatus;
  @ApiProperty({ minimum: 0, maximum: 100, example: 100 })
  progress!: number;
  @ApiProperty({ example: 'Jordan Rivera CV.pdf' })
  fileName!: string;
  @ApiPropertyOptional({ example: 48213, description: 'Bytes, when ready' })
  size?: number;
  @ApiPropertyOptional({
    example: 'http://localhost:3000/v1/storage/cv-files/exports/…?expires=…&signature=…',
    description: 'When ready: a signed URL that works for a few minutes (ask again for a new one)',
  })
  downloadUrl?: string;
  @ApiPropertyOptional({ format: 'date-time' })
  downloadUrlExpiresAt?: string;
  @ApiPropertyOptional({ example: 'The CV was deleted', description: 'When failed' })
  error?: string;
  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
  @ApiPropertyOptional({ format: 'date-time' })
  completedAt?: string;
}

export class AtsCheckDto {
  @ApiPropertyOptional({
    example: 'We are hiring a backend engineer with TypeScript, PostgreSQL and Kubernetes.',
    maxLength: 20000,
    description: 'With it, the report covers its keywords (matched and missing)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(20_000)
  jobDescription?: string;
}

export class AtsFindingDto {
  @ApiProperty({
    enum: ['sections', 'contact', 'reading_order', 'dates', 'length', 'keywords'],
  })
  check!: string;
  @ApiProperty()
  passed!: boolean;
  @ApiProperty({ enum: ['info', 'warning', 'error'] })
  severity!: string;
  @ApiProperty({ example: 'Found: experience, education, skills' })
  detail!: string;
}

export class AtsKeywordsDto {
  @ApiProperty({ type: [String], example: ['typescript', 'postgresql'] })
  matched!: string[];
  @ApiProperty({ type: [String], example: ['kubernetes'] })
  missing!: string[];
}

export class AtsReportDto {
  @ApiProperty({ minimum: 0, maximum: 100, example: 82 })
  score!: number;
  @ApiProperty({ type: [AtsFindingDto] })
  findings!: AtsFindingDto[];
  @ApiProperty({ type: AtsKeywordsDto })
  keywords!: AtsKeywordsDto;
}

export class ImportCvFileDto {
  @ApiProperty({
    format: 'uuid',
    description: 'A `cv-file` upload of the caller, scanned (`ready`)',
  })
  @IsUUID()
  fileId!: string;
}

export class ImportedCvDto extends CvDto {
  @ApiProperty({
    enum: ['openai', 'local'],
    description: 'Who parsed the text: `local` is the rule-based parser used without an AI key',
  })
  provider!: string;
}
