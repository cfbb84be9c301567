import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsTimeZone,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import {
  ALERT_FREQUENCIES,
  type AlertFrequency,
  type JobAlert,
  type JobAlertFilters,
} from '../entities/job-alert.entity';
import { SearchJobsQueryDto } from './search-jobs.query.dto';

/** The filters of `GET /v1/jobs` that say which jobs (validated the same way). */
export class JobAlertFiltersDto extends PickType(SearchJobsQueryDto, [
  'location',
  'remote',
  'workplaceType',
  'employmentType',
  'seniority',
  'salaryMin',
  'salaryCurrency',
  'source',
  'company',
] as const) {}

export class CreateJobAlertDto {
  @ApiPropertyOptional({
    description: 'Shown in the digest; default: the query, or "All jobs".',
    example: 'Backend jobs in Berlin',
    maxLength: 100,
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name?: string;

  @ApiPropertyOptional({
    description: 'Full-text query in web-search syntax, as `q` of `GET /v1/jobs`.',
    example: 'typescript "backend engineer" -php',
    maxLength: 200,
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  query?: string;

  @ApiPropertyOptional({
    type: JobAlertFiltersDto,
    example: {
      location: 'Berlin',
      employmentType: 'full_time',
      salaryMin: 60000,
      salaryCurrency: 'EUR',
    },
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => JobAlertFiltersDto)
  filters?: JobAlertFiltersDto;

  @ApiPropertyOptional({
    enum: ALERT_FREQUENCIES,
    default: 'daily',
    description:
      'Weekly digests go out on Mondays. Mailed only while your notification preferences ask for this digest frequency (`jobAlertDigest`).',
  })
  @IsOptional()
  @IsIn(ALERT_FREQUENCIES)
  frequency?: AlertFrequency;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: 23,
    default: 8,
    description: 'Local hour of the digest.',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(23)
  hour?: number;

  @ApiPropertyOptional({
    example: 'Europe/Berlin',
    default: 'UTC',
    description: 'IANA time zone of `hour`.',
  })
  @IsOptional()
  @IsTimeZone()
  timezone?: string;
}

export class UpdateJobAlertDto extends CreateJobAlertDto {}

export class JobAlertDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'Backend jobs in Berlin' })
  name!: string;

  @ApiPropertyOptional({ nullable: true, type: String, example: 'typescript "backend engineer"' })
  query!: string | null;

  @ApiProperty({ type: JobAlertFiltersDto, example: { location: 'Berlin', remote: false } })
  filters!: JobAlertFiltersDto;

  @ApiProperty({ enum: ALERT_FREQUENCIES, example: 'daily' })
  frequency!: AlertFrequency;

  @ApiProperty({ example: 8 })
  hour!: number;

  @ApiProperty({ example: 'Europe/Berlin' })
  timezone!: string;

  @ApiProperty({
    format: 'date-time',
    description: 'Jobs first seen after this instant go into the next digest.',
  })
  watermark!: string;

  @ApiProperty({ format: 'date-time', description: 'When the next digest is due.' })
  nextRunAt!: string;

  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' })
  lastRunAt!: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;

  static of(alert: JobAlert): JobAlertDto {
    return {
      id: alert.id,
      name: alert.name,
      query: alert.query ?? null,
      filters: alert.filters,
      frequency: alert.frequency,
      hour: alert.hour,
      timezone: alert.timezone,
      watermark: alert.watermark.toISOString(),
      nextRunAt: alert.nextRunAt.toISOString(),
      lastRunAt: alert.lastRunAt?.toISOString() ?? null,
      createdAt: alert.createdAt.toISOString(),
      updatedAt: alert.updatedAt.toISOString(),
    };
  }
}

export class JobAlertPageDto {
  @ApiProperty({ type: [JobAlertDto] })
  items!: JobAlertDto[];

  @ApiPropertyOptional({ nullable: true, type: String, example: null })
  nextCursor!: string | null;
}

/** Only the filters that were given (the stored JSON stays small and comparable). */
export function alertFilters(dto: JobAlertFiltersDto | undefined): JobAlertFilters {
  const filters: JobAlertFilters = {};
  if (!dto) return filters;
  for (const [key, value] of Object.entries(dto) as [keyof JobAlertFilters, unknown][])
    if (value !== undefined && value !== null) (filters as Record<string, unknown>)[key] = value;
  return filters;
}
