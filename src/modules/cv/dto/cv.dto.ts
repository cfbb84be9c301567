import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import {
  CV_TEMPLATES,
  type CvLayout,
  type CvTemplate,
  type ResumeDocument,
} from '../domain/resume';
import type { Cv } from '../entities/cv.entity';
import { CvLayoutDto } from './cv-layout.dto';

export const TITLE_MAX = 200;
/** PostgreSQL text cannot hold U+0000. */
// eslint-disable-next-line no-control-regex -- matching U+0000 is the point
export const NO_NUL = /^[^\u0000]*$/;

export const SAMPLE_DOCUMENT: ResumeDocument = {
  basics: {
    name: 'Ada Lovelace',
    label: 'Software Engineer',
    email: 'ada@example.com',
    location: { city: 'London', countryCode: 'GB' },
  },
  work: [
    {
      name: 'Analytical Engines Ltd',
      position: 'Lead Engineer',
      startDate: '2021-03',
      highlights: ['Cut build times by 40%'],
    },
  ],
  skills: [{ name: 'TypeScript', keywords: ['NestJS', 'PostgreSQL'] }],
};

/** OpenAPI schema of a JSON Resume document: any object; validated against the official schema. */
export const DOCUMENT_SCHEMA = {
  type: 'object',
  additionalProperties: true,
  description:
    'A JSON Resume document (https://jsonresume.org/schema), validated against `@jsonresume/schema`; ' +
    'unknown properties are kept as they are.',
  example: SAMPLE_DOCUMENT,
} as const;

export class CreateCvDto {
  @ApiProperty({ example: 'Backend engineer, 2026', minLength: 1, maxLength: TITLE_MAX })
  @IsString()
  @MinLength(1)
  @MaxLength(TITLE_MAX)
  @Matches(NO_NUL, { message: 'title must not contain U+0000' })
  title!: string;

  @ApiPropertyOptional(DOCUMENT_SCHEMA)
  @IsOptional()
  @IsObject()
  document?: ResumeDocument;

  @ApiPropertyOptional({ type: CvLayoutDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => CvLayoutDto)
  layout?: CvLayoutDto;
}

export class DuplicateCvDto {
  @ApiPropertyOptional({
    example: 'Backend engineer, 2026 (copy)',
    description: 'Defaults to the original title with " (copy)"',
    maxLength: TITLE_MAX,
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(TITLE_MAX)
  @Matches(NO_NUL, { message: 'title must not contain U+0000' })
  title?: string;
}

/**
 * `PATCH` with `Content-Type: application/json`: section-level updates. Each
 * given key replaces that part whole; keys left out stay as they are.
 */
export class CvSectionUpdateDto {
  @ApiPropertyOptional({ example: 'Backend engineer, 2027', maxLength: TITLE_MAX })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(TITLE_MAX)
  @Matches(NO_NUL, { message: 'title must not contain U+0000' })
  title?: string;

  @ApiPropertyOptional({
    type: CvLayoutDto,
    description: 'Layout fields to change (theme fields one by one); the others stay.',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => CvLayoutDto)
  layout?: CvLayoutDto;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description:
      'Top-level parts of the JSON Resume document to replace, e.g. `{"work": [...], "basics": {...}}`; ' +
      '`null` removes a part. The resulting document must be valid JSON Resume.',
    example: { skills: [{ name: 'Go', keywords: ['gRPC'] }], references: null },
  })
  @IsOptional()
  @IsObject()
  sections?: Record<string, unknown>;

  @ApiPropertyOptional({
    example: 3,
    description: 'The version this change is based on, instead of an `If-Match` header.',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

/** `PATCH` with `Content-Type: application/merge-patch+json` (RFC 7386), documented only. */
export class CvMergePatchDto {
  @ApiPropertyOptional({ example: 'Backend engineer, 2027' })
  title?: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    example: { basics: { label: 'Staff Engineer', phone: null } },
    description:
      'Merged into the document: objects merge key by key, `null` removes, arrays replace.',
  })
  document?: Record<string, unknown>;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    example: { template: 'classic', theme: { accentColor: '#aa3300' } },
    description: 'Merged into the layout; `null` resets a field to its default.',
  })
  layout?: Record<string, unknown>;
}

export class CvDto {
  @ApiProperty({ format: 'uuid', example: '01936f0e-7b7a-7c4e-9a51-2f0f1c2d3e4f' })
  id!: string;
  @ApiProperty({ example: 'Backend engineer, 2026' })
  title!: string;
  @ApiProperty(DOCUMENT_SCHEMA)
  document!: ResumeDocument;
  @ApiProperty({ type: CvLayoutDto })
  layout!: CvLayout;
  @ApiProperty({ example: 3, description: 'Current version; also sent as `ETag: "3"`.' })
  version!: number;
  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;

  static from(cv: Cv): CvDto {
    return {
      id: cv.id,
      title: cv.title,
      document: cv.document,
      layout: cv.layout,
      version: cv.version,
      createdAt: cv.createdAt.toISOString(),
      updatedAt: cv.updatedAt.toISOString(),
    };
  }
}

export class CvSummaryDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty({ example: 'Backend engineer, 2026' })
  title!: string;
  @ApiProperty({ enum: CV_TEMPLATES, example: 'modern' })
  template!: CvTemplate;
  @ApiProperty({ example: 'en' })
  language!: string;
  @ApiProperty({ example: 3 })
  version!: number;
  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;

  static from(
    cv: Pick<Cv, 'id' | 'title' | 'layout' | 'version' | 'createdAt' | 'updatedAt'>,
  ): CvSummaryDto {
    return {
      id: cv.id,
      title: cv.title,
      template: cv.layout.template,
      language: cv.layout.language,
      version: cv.version,
      createdAt: cv.createdAt.toISOString(),
      updatedAt: cv.updatedAt.toISOString(),
    };
  }
}

export class CvPageDto {
  @ApiProperty({ type: [CvSummaryDto] })
  items!: CvSummaryDto[];
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Pass as ?cursor= for the next page; null at the end.',
  })
  nextCursor!: string | null;
}

export class ImportJsonResumeQueryDto {
  @ApiPropertyOptional({
    example: 'Imported CV',
    maxLength: TITLE_MAX,
    description: 'Defaults to `basics.name` + `basics.label`, or "Imported CV".',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(TITLE_MAX)
  @Matches(NO_NUL, { message: 'title must not contain U+0000' })
  title?: string;
}
