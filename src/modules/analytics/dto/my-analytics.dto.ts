import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export class MyAnalyticsQueryDto {
  @ApiPropertyOptional({
    example: '2026-11-01',
    description: 'First UTC day (default: 29 days before `to`; free plans: always the last 7 days)',
  })
  @IsOptional()
  @Matches(DAY, { message: 'from must be a date (YYYY-MM-DD)' })
  from?: string;

  @ApiPropertyOptional({ example: '2026-11-30', description: 'Last UTC day (default: today)' })
  @IsOptional()
  @Matches(DAY, { message: 'to must be a date (YYYY-MM-DD)' })
  to?: string;
}

export class MyAnalyticsTotalsDto {
  @ApiProperty({ example: 12, description: 'Views of your shared CVs (each visitor once a day)' })
  cvViews!: number;
  @ApiProperty({ example: 3 }) cvDownloads!: number;
  @ApiProperty({ example: 5 }) applicationsStarted!: number;
  @ApiProperty({ example: 2 }) applicationsCompleted!: number;
  @ApiProperty({ example: 4 }) postsScheduled!: number;
  @ApiProperty({ example: 4 }) postsPublished!: number;
}

export class MyCvDayDto {
  @ApiProperty({ example: '2026-11-02' }) day!: string;
  @ApiProperty({ example: 4 }) views!: number;
  @ApiProperty({ example: 1 }) downloads!: number;
}

export class MyCvSeriesDto {
  @ApiProperty({ format: 'uuid' }) cvId!: string;
  @ApiProperty({ example: 'Backend engineer' }) title!: string;
  @ApiProperty({ type: [MyCvDayDto] }) days!: MyCvDayDto[];
}

export class MyActivityDayDto {
  @ApiProperty({ example: '2026-11-02' }) day!: string;
  @ApiProperty({ example: 2 }) applicationsStarted!: number;
  @ApiProperty({ example: 1 }) applicationsCompleted!: number;
  @ApiProperty({ example: 1 }) postsScheduled!: number;
  @ApiProperty({ example: 1 }) postsPublished!: number;
}

export class MyAnalyticsDto {
  @ApiProperty({ example: '2026-11-24' }) from!: string;
  @ApiProperty({ example: '2026-11-30' }) to!: string;
  @ApiProperty({
    example: false,
    description: 'true on plans without advanced analytics: totals of the last 7 days only',
  })
  summaryOnly!: boolean;
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'pro',
    description: 'The plan that adds the full series',
  })
  requiredPlan!: string | null;
  @ApiProperty({ type: MyAnalyticsTotalsDto }) totals!: MyAnalyticsTotalsDto;
  @ApiProperty({
    type: [MyCvSeriesDto],
    nullable: true,
    description: 'Views and downloads per shared CV per day (null in the summary)',
  })
  cvs!: MyCvSeriesDto[] | null;
  @ApiProperty({
    type: [MyActivityDayDto],
    nullable: true,
    description: 'Application funnel and social posts per day (null in the summary)',
  })
  activity!: MyActivityDayDto[] | null;
}
