import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DATA_EXPORT_STATUSES, type DataExportStatus } from '../entities/data-export.entity';

export class DataExportAcceptedDto {
  @ApiProperty({ format: 'uuid', description: 'Poll GET /v1/me/export/{id} (the user)' })
  exportId!: string;
  @ApiProperty({ enum: DATA_EXPORT_STATUSES, example: 'queued' })
  status!: DataExportStatus;
}

export class DataExportDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty({ enum: DATA_EXPORT_STATUSES, example: 'ready' })
  status!: DataExportStatus;
  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
  @ApiPropertyOptional({ format: 'date-time' })
  completedAt?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'When the ZIP is deleted' })
  expiresAt?: string;
  @ApiPropertyOptional({ description: 'Size of the ZIP in bytes', example: 48213 })
  size?: number;
  @ApiPropertyOptional({
    description: 'When ready: a short-lived signed URL of the ZIP (also emailed to the user)',
    example: 'https://api.career-tools.example/v1/storage/data-exports/...zip?expires=...',
  })
  downloadUrl?: string;
  @ApiPropertyOptional({ format: 'date-time' })
  downloadUrlExpiresAt?: string;
  @ApiPropertyOptional({ example: 'The export could not be built' })
  error?: string;
}
