import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsOptional } from 'class-validator';

export class AiUsageQueryDto {
  @ApiPropertyOptional({
    format: 'date-time',
    example: '2026-11-01T00:00:00Z',
    description: 'Start of the period (inclusive); default 30 days before `to`.',
  })
  @IsOptional()
  @IsDateString({ strict: true })
  from?: string;

  @ApiPropertyOptional({
    format: 'date-time',
    example: '2026-12-01T00:00:00Z',
    description: 'End of the period (exclusive); default now.',
  })
  @IsOptional()
  @IsDateString({ strict: true })
  to?: string;
}

export class AiUsageTotalDto {
  @ApiProperty({ enum: ['enhance', 'skills', 'coverLetter', 'parse'], example: 'enhance' })
  operation!: string;
  @ApiProperty({ enum: ['openai', 'local'], example: 'openai' })
  provider!: string;
  @ApiProperty({ example: 'gpt-4o' })
  model!: string;
  @ApiProperty({ example: 12 })
  calls!: number;
  @ApiProperty({ example: 5230 })
  promptTokens!: number;
  @ApiProperty({ example: 1840 })
  completionTokens!: number;
}

export class AiCallsThisHourDto {
  @ApiProperty({ example: 3, description: 'Answered AI calls in the last 60 minutes.' })
  calls!: number;
  @ApiProperty({ example: 10, description: 'The plan’s `aiCallsPerHour` quota.' })
  limit!: number;
}

export class AiUsageDto {
  @ApiProperty({ format: 'date-time' })
  from!: string;
  @ApiProperty({ format: 'date-time' })
  to!: string;
  @ApiProperty({
    type: [AiUsageTotalDto],
    description: 'Totals per operation, provider and model in the period.',
  })
  totals!: AiUsageTotalDto[];
  @ApiProperty({ type: AiCallsThisHourDto })
  thisHour!: AiCallsThisHourDto;
}
