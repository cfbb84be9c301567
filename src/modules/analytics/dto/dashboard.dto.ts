import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import {
  DASHBOARD_INTERVALS,
  DASHBOARD_SERIES_NAMES,
  type DashboardInterval,
  type DashboardSeriesName,
} from '../dashboard-series';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export class DashboardSeriesQueryDto {
  @ApiPropertyOptional({
    example: '2026-11-01',
    description: 'First UTC day (default: 29 days before `to`)',
  })
  @IsOptional()
  @Matches(DAY, { message: 'from must be a date (YYYY-MM-DD)' })
  from?: string;

  @ApiPropertyOptional({ example: '2026-11-30', description: 'Last UTC day (default: today)' })
  @IsOptional()
  @Matches(DAY, { message: 'to must be a date (YYYY-MM-DD)' })
  to?: string;

  @ApiPropertyOptional({ enum: DASHBOARD_INTERVALS, default: 'day' })
  @IsOptional()
  @IsIn(DASHBOARD_INTERVALS)
  interval: DashboardInterval = 'day';
}

export class DashboardPointDto {
  @ApiProperty({
    example: '2026-11-02',
    description: 'First day of the bucket (weeks start Monday)',
  })
  start!: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'number' },
    example: { signups: 42 },
  })
  values!: Record<string, number>;
}

export class DashboardSeriesDto {
  @ApiProperty({ enum: DASHBOARD_SERIES_NAMES, example: 'signups' })
  series!: DashboardSeriesName;

  @ApiProperty({ example: 'Registrations per bucket' })
  description!: string;

  @ApiProperty({ example: '2026-11-01' }) from!: string;
  @ApiProperty({ example: '2026-11-30' }) to!: string;
  @ApiProperty({ enum: DASHBOARD_INTERVALS }) interval!: DashboardInterval;

  @ApiProperty({ type: [DashboardPointDto] })
  points!: DashboardPointDto[];
}
