import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsOptional, IsUUID } from 'class-validator';

export class SocialRangeQueryDto {
  @ApiProperty({ format: 'date-time', example: '2026-12-01T00:00:00Z' })
  @IsDateString()
  from!: string;

  @ApiProperty({
    format: 'date-time',
    example: '2026-12-31T23:59:59Z',
    description: 'At most 366 days after `from`.',
  })
  @IsDateString()
  to!: string;
}

export class SocialAnalyticsQueryDto extends SocialRangeQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only this connected account.' })
  @IsOptional()
  @IsUUID('7')
  account?: string;
}

export class CalendarEntryDto {
  @ApiProperty({ format: 'uuid' })
  postId!: string;

  @ApiProperty({ format: 'uuid' })
  targetId!: string;

  @ApiProperty({ format: 'uuid' })
  accountId!: string;

  @ApiProperty({ example: 'sandbox' })
  network!: string;

  @ApiProperty({ enum: ['queued', 'publishing', 'published', 'failed', 'unconfirmed'] })
  status!: string;

  @ApiProperty({
    format: 'date-time',
    description: 'When it was published, else when it is scheduled.',
  })
  at!: string;

  @ApiProperty({ example: 'I just finished my new CV…', description: 'The first 140 characters.' })
  excerpt!: string;

  @ApiProperty({ type: String, nullable: true })
  remoteUrl!: string | null;
}

export class CalendarDayDto {
  @ApiProperty({ example: '2026-12-24', description: 'UTC day.' })
  date!: string;

  @ApiProperty({ type: [CalendarEntryDto] })
  entries!: CalendarEntryDto[];
}

export class SocialCalendarDto {
  @ApiProperty({ type: [CalendarDayDto], description: 'Days with at least one entry, in order.' })
  days!: CalendarDayDto[];
}

export class MetricSnapshotDto {
  @ApiProperty({ format: 'date-time' })
  capturedAt!: string;

  @ApiProperty({ example: 12 })
  likes!: number;

  @ApiProperty({ example: 3 })
  comments!: number;

  @ApiProperty({ example: 1 })
  shares!: number;

  @ApiProperty({ type: Number, nullable: true, example: 420 })
  impressions!: number | null;
}

export class TargetMetricsDto {
  @ApiProperty({ format: 'uuid' })
  targetId!: string;

  @ApiProperty({ format: 'uuid' })
  accountId!: string;

  @ApiProperty({ example: 'sandbox' })
  network!: string;

  @ApiProperty({ type: MetricSnapshotDto, nullable: true })
  latest!: MetricSnapshotDto | null;

  @ApiProperty({ type: [MetricSnapshotDto], description: 'Oldest first (the last 500).' })
  snapshots!: MetricSnapshotDto[];
}

export class SocialPostMetricsDto {
  @ApiProperty({ format: 'uuid' })
  postId!: string;

  @ApiProperty({ type: [TargetMetricsDto] })
  targets!: TargetMetricsDto[];
}

export class AnalyticsPointDto {
  @ApiProperty({ example: '2026-12-24', description: 'UTC day.' })
  date!: string;

  @ApiProperty({ example: 2, description: 'Targets published that day.' })
  published!: number;

  @ApiProperty({
    example: 40,
    description: 'Sum over posts of the latest counters captured by that day.',
  })
  likes!: number;

  @ApiProperty({ example: 6 })
  comments!: number;

  @ApiProperty({ example: 2 })
  shares!: number;

  @ApiProperty({ example: 1200 })
  impressions!: number;
}

export class NetworkBreakdownDto {
  @ApiProperty({ example: 'sandbox' })
  network!: string;

  @ApiProperty({ example: 5 })
  published!: number;

  @ApiProperty({ example: 40 })
  likes!: number;

  @ApiProperty({ example: 6 })
  comments!: number;

  @ApiProperty({ example: 2 })
  shares!: number;

  @ApiProperty({ example: 1200 })
  impressions!: number;

  @ApiProperty({
    type: Number,
    nullable: true,
    example: 0.04,
    description: '(likes + comments + shares) / impressions',
  })
  engagementRate!: number | null;
}

export class TopPostDto {
  @ApiProperty({ format: 'uuid' })
  postId!: string;

  @ApiProperty({ format: 'uuid' })
  targetId!: string;

  @ApiProperty({ example: 'sandbox' })
  network!: string;

  @ApiProperty({ example: 48 })
  engagement!: number;

  @ApiProperty({ type: String, nullable: true })
  remoteUrl!: string | null;
}

export class AdvancedSocialAnalyticsDto {
  @ApiProperty({ type: [NetworkBreakdownDto] })
  byNetwork!: NetworkBreakdownDto[];

  @ApiProperty({ type: [TopPostDto], description: 'The five targets with the most engagement.' })
  topPosts!: TopPostDto[];
}

export class SocialAnalyticsDto {
  @ApiProperty({ format: 'date-time' })
  from!: string;

  @ApiProperty({ format: 'date-time' })
  to!: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  accountId!: string | null;

  @ApiProperty({ type: [AnalyticsPointDto], description: 'One point per UTC day of the range.' })
  series!: AnalyticsPointDto[];

  @ApiProperty({
    type: AdvancedSocialAnalyticsDto,
    nullable: true,
    description:
      'Per-network breakdown and top posts: plans with advanced analytics (`requiredPlan` otherwise).',
  })
  advanced!: AdvancedSocialAnalyticsDto | null;

  @ApiProperty({
    type: String,
    nullable: true,
    example: null,
    description: 'The plan that adds `advanced`, when yours lacks it.',
  })
  requiredPlan!: string | null;
}
