import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { API_KEY_USAGE_DAYS } from '../api-keys/api-key-daily-usage';

export class ApiKeyUsageQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: API_KEY_USAGE_DAYS, default: 30, example: 30 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(API_KEY_USAGE_DAYS)
  days: number = 30;
}

export class ApiKeyUsageCountsDto {
  @ApiProperty({ example: 120, description: 'Requests made with the key' })
  requests!: number;

  @ApiProperty({ example: 3, description: 'Answers with status 400 or above (429 included)' })
  errors!: number;

  @ApiProperty({ example: 1, description: 'Answers 429 (rate limit exceeded)' })
  rateLimited!: number;
}

export class ApiKeyUsageDayDto extends ApiKeyUsageCountsDto {
  @ApiProperty({ example: '2026-12-03', format: 'date', description: 'UTC day' })
  date!: string;
}

export class ApiKeyUsageDto {
  @ApiProperty({ format: 'uuid', example: '01938f6e-5a2b-7c3d-9e4f-a1b2c3d4e5f6' })
  apiKeyId!: string;

  @ApiProperty({
    type: [ApiKeyUsageDayDto],
    description: 'One entry per UTC day, oldest first, today last',
  })
  days!: ApiKeyUsageDayDto[];

  @ApiProperty({ type: ApiKeyUsageCountsDto, description: 'Sums over the days listed' })
  totals!: ApiKeyUsageCountsDto;
}
