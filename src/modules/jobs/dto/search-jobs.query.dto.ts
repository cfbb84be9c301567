import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { EMPLOYMENT_TYPES, SENIORITIES, WORKPLACE_TYPES } from '@lib/providers';

const toBool = ({ value }: { value: unknown }) =>
  value === 'true' ? true : value === 'false' ? false : value;

export class SearchJobsQueryDto {
  @ApiPropertyOptional({
    description: 'Full-text query in web-search syntax: words, "exact phrases", OR, -excluded.',
    example: 'typescript "backend engineer" -php',
    maxLength: 200,
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({
    description: 'City or region text, or an ISO country code.',
    example: 'Berlin',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  location?: string;

  @ApiPropertyOptional({
    description: 'Only remote jobs (true) or only non-remote (false).',
    example: true,
  })
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  remote?: boolean;

  @ApiPropertyOptional({ enum: WORKPLACE_TYPES, example: 'hybrid' })
  @IsOptional()
  @IsIn(WORKPLACE_TYPES)
  workplaceType?: string;

  @ApiPropertyOptional({ enum: EMPLOYMENT_TYPES, example: 'full_time' })
  @IsOptional()
  @IsIn(EMPLOYMENT_TYPES)
  employmentType?: string;

  @ApiPropertyOptional({ enum: SENIORITIES, example: 'senior' })
  @IsOptional()
  @IsIn(SENIORITIES)
  seniority?: string;

  @ApiPropertyOptional({
    description: 'Minimum annualized salary (midpoint of the range).',
    example: 60000,
    minimum: 0,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  salaryMin?: number;

  @ApiPropertyOptional({
    description: 'Currency of salaryMin (ISO 4217); other currencies are left out.',
    example: 'EUR',
  })
  @IsOptional()
  @Matches(/^[A-Z]{3}$/)
  salaryCurrency?: string;

  @ApiPropertyOptional({
    description: 'Posted within this many days.',
    example: 7,
    minimum: 1,
    maximum: 365,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(365)
  postedWithinDays?: number;

  @ApiPropertyOptional({ description: 'Only jobs listed by this source.', example: 'remotive' })
  @IsOptional()
  @Matches(/^[a-z0-9_-]{1,40}$/)
  source?: string;

  @ApiPropertyOptional({
    description: 'Company name (matched without legal suffixes or case).',
    example: 'Acme Analytics',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  company?: string;

  @ApiPropertyOptional({
    enum: ['relevance', 'newest', 'salary'],
    default: 'relevance',
    description: '`relevance` needs `q` (without it, newest first).',
  })
  @IsOptional()
  @IsIn(['relevance', 'newest', 'salary'])
  sort: 'relevance' | 'newest' | 'salary' = 'relevance';

  @ApiPropertyOptional({ description: 'Include facet counts.', default: true })
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  facets: boolean = true;

  @ApiPropertyOptional({ description: 'Opaque cursor from the previous page’s nextCursor.' })
  @IsOptional()
  @IsString()
  @MaxLength(512)
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 50, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(50)
  limit: number = 20;
}
