import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { JobSourceInfo } from '@lib/providers';
import type { JobSourceHealth } from '../entities/job-source-health.entity';

const STATUSES = ['active', 'available', 'not_configured', 'not_implemented', 'unavailable'];

export class JobSourceDto {
  @ApiProperty({ example: 'remotive' })
  name!: string;

  @ApiProperty({ example: 'Remotive' })
  label!: string;

  @ApiProperty({
    enum: STATUSES,
    example: 'active',
    description:
      '`active` runs here; `available` could run but is not in JOB_SOURCES; `not_configured` lacks its credentials (never called); `unavailable` is a closed or partner-only API.',
  })
  status!: string;

  @ApiPropertyOptional({ nullable: true, type: String, example: null })
  reason!: string | null;

  @ApiProperty({ example: 'https://remotive.com' })
  homepage!: string;

  static from(info: JobSourceInfo): JobSourceDto {
    return {
      name: info.name,
      label: info.label,
      status: info.status,
      reason: info.reason,
      homepage: info.homepage,
    };
  }
}

export class JobSourceListDto {
  @ApiProperty({ type: [JobSourceDto] })
  items!: JobSourceDto[];
}

export class JobSourceHealthDto extends JobSourceDto {
  @ApiProperty({ example: 60, description: 'Minutes between scheduled runs.' })
  intervalMinutes!: number;

  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' })
  lastRunAt!: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' })
  lastSuccessAt!: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' })
  lastFailureAt!: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, example: 'remotive: answered 503' })
  lastError!: string | null;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    format: 'date-time',
    description: 'The source answered 429/503 with Retry-After: no run starts before this time.',
  })
  pausedUntil!: string | null;

  @ApiProperty({ example: 12 })
  runs!: number;

  @ApiProperty({ example: 1 })
  failures!: number;

  @ApiProperty({ example: 0.05, description: 'Share of failed attempts among the last 20.' })
  errorRate!: number;

  @ApiProperty({ example: 2950, description: 'New jobs this source added, all runs.' })
  postingsAdded!: number;

  @ApiProperty({
    example: { added: 12, merged: 3, updated: 240, skipped: 1, expired: 2 },
    description: 'What the last successful run did.',
  })
  lastRun!: { added: number; merged: number; updated: number; skipped: number; expired: number };

  static withHealth(info: JobSourceInfo, health: JobSourceHealth | null): JobSourceHealthDto {
    return {
      ...JobSourceDto.from(info),
      intervalMinutes: info.intervalMinutes,
      lastRunAt: health?.lastRunAt?.toISOString() ?? null,
      lastSuccessAt: health?.lastSuccessAt?.toISOString() ?? null,
      lastFailureAt: health?.lastFailureAt?.toISOString() ?? null,
      lastError: health?.lastError ?? null,
      pausedUntil:
        health?.pausedUntil && health.pausedUntil > new Date()
          ? health.pausedUntil.toISOString()
          : null,
      runs: health?.runs ?? 0,
      failures: health?.failures ?? 0,
      errorRate: health ? Math.round(health.errorRate * 1000) / 1000 : 0,
      postingsAdded: health?.postingsAdded ?? 0,
      lastRun: {
        added: health?.lastRunAdded ?? 0,
        merged: health?.lastRunMerged ?? 0,
        updated: health?.lastRunUpdated ?? 0,
        skipped: health?.lastRunSkipped ?? 0,
        expired: health?.lastRunExpired ?? 0,
      },
    };
  }
}

export class JobSourceHealthListDto {
  @ApiProperty({ type: [JobSourceHealthDto] })
  items!: JobSourceHealthDto[];
}

export class JobSourceRunDto {
  @ApiProperty({ example: 'sample' })
  source!: string;

  @ApiProperty({ example: 'ingest:sample:manual:01936f0e-7b7a-7c4e-9a51-2f0f1c2d3e4f' })
  runId!: string;
}
