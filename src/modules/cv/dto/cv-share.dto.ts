import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDate,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinDate,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { SHARE_VISIBILITIES, type ShareVisibility } from '../entities/cv-share.entity';
import { CvLayoutDto } from './cv-layout.dto';
import { DOCUMENT_SCHEMA } from './cv.dto';
import type { CvLayout, ResumeDocument } from '../domain/resume';

export class ShareCvDto {
  @ApiProperty({ enum: SHARE_VISIBILITIES, example: 'password' })
  @IsIn(SHARE_VISIBILITIES)
  visibility!: ShareVisibility;

  @ApiPropertyOptional({
    example: 'blue-harbour-42',
    minLength: 8,
    maxLength: 128,
    description: 'Required for `password` visibility; stored only as a bcrypt hash.',
  })
  @ValidateIf((o: ShareCvDto) => o.visibility === 'password' || o.password !== undefined)
  @IsString()
  @MinLength(8)
  @MaxLength(128)
  password?: string;

  @ApiPropertyOptional({ type: String, format: 'date-time', example: '2027-01-31T00:00:00.000Z' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  @MinDate(() => new Date(), { message: 'expiresAt must be in the future' })
  expiresAt?: Date;
}

export class CvShareDto {
  @ApiProperty({ example: 'http://localhost:3000/v1/public/cvs/q3mZ0c1Yh8xJ5n2QkP7tRw' })
  url!: string;
  @ApiProperty({ example: 'q3mZ0c1Yh8xJ5n2QkP7tRw', description: '128 random bits, base64url' })
  slug!: string;
  @ApiProperty({ enum: SHARE_VISIBILITIES })
  visibility!: ShareVisibility;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  expiresAt!: string | null;
  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}

export const PUBLIC_FORMATS = ['html', 'pdf', 'json'] as const;
export type PublicFormat = (typeof PUBLIC_FORMATS)[number];

export class PublicCvQueryDto {
  @ApiPropertyOptional({
    enum: PUBLIC_FORMATS,
    default: 'html',
    description:
      'Only `json` is served for now; `html` and `pdf` answer 406 until rendering is wired.',
  })
  @IsOptional()
  @IsIn(PUBLIC_FORMATS)
  format: PublicFormat = 'html';
}

export class PublicCvDto {
  @ApiProperty({ example: 'Backend engineer, 2026' })
  title!: string;
  @ApiProperty(DOCUMENT_SCHEMA)
  document!: ResumeDocument;
  @ApiProperty({ type: CvLayoutDto })
  layout!: CvLayout;
  @ApiProperty({ example: 3 })
  version!: number;
  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}

export class StatsQueryDto {
  @ApiPropertyOptional({
    minimum: 1,
    maximum: 365,
    default: 30,
    description: 'Days back from today (UTC)',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(365)
  days: number = 30;
}

export class CvStatsDayDto {
  @ApiProperty({ example: '2026-11-26', description: 'UTC day' })
  date!: string;
  @ApiProperty({ example: 12, description: 'Visitors who viewed (each counted once a day)' })
  views!: number;
  @ApiProperty({ example: 3, description: 'Visitors who downloaded (each counted once a day)' })
  downloads!: number;
  @ApiProperty({ example: 13, description: 'Distinct visitors that day' })
  uniqueVisitors!: number;
}

export class CvStatsDto {
  @ApiProperty({ example: 40 })
  views!: number;
  @ApiProperty({ example: 9 })
  downloads!: number;
  @ApiProperty({ type: [CvStatsDayDto], description: 'Days with any visit, oldest first' })
  days!: CvStatsDayDto[];
}
