import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { CvLayoutDto } from './cv-layout.dto';
import { DOCUMENT_SCHEMA, NO_NUL } from './cv.dto';
import type { CvLayout, ResumeDocument } from '../domain/resume';

export const VERSION_KINDS = ['created', 'updated', 'restored'] as const;

/** Any JSON value, null included (the type of `unknown` would document an object). */
const ANY_JSON = {
  anyOf: [
    { type: 'string' },
    { type: 'number' },
    { type: 'boolean' },
    { type: 'object', nullable: true },
    { type: 'array', items: {} },
  ],
};

export class VersionActorDto {
  @ApiProperty({ enum: ['user', 'system', 'api-key'] })
  type!: 'user' | 'system' | 'api-key';
  @ApiProperty({ example: '01936f0e-7b7a-7c4e-9a51-2f0f1c2d3e4f' })
  id!: string;
}

export class CvVersionSummaryDto {
  @ApiProperty({ example: 4, description: 'Version number n (1 = created)' })
  version!: number;
  @ApiProperty({ enum: VERSION_KINDS })
  kind!: (typeof VERSION_KINDS)[number];
  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
  @ApiProperty({ type: VersionActorDto, nullable: true, description: 'Who made the change' })
  actor!: VersionActorDto | null;
  @ApiProperty({ example: 'Changed work, skills' })
  summary!: string;
  @ApiProperty({ nullable: true, type: String, example: 'sent to ACME, 2026-11-20' })
  label!: string | null;
  @ApiPropertyOptional({ example: 2, description: 'For restores: the version restored' })
  restoredFrom?: number;
}

export class CvVersionPageDto {
  @ApiProperty({ type: [CvVersionSummaryDto] })
  items!: CvVersionSummaryDto[];
  @ApiProperty({ nullable: true, type: String })
  nextCursor!: string | null;
}

export class CvVersionDto extends CvVersionSummaryDto {
  @ApiProperty({ example: 'Backend engineer, 2026' })
  title!: string;
  @ApiProperty(DOCUMENT_SCHEMA)
  document!: ResumeDocument;
  @ApiProperty({ type: CvLayoutDto })
  layout!: CvLayout;
}

export class DiffQueryDto {
  @ApiProperty({ minimum: 1, example: 1 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(2_147_483_647)
  from!: number;

  @ApiProperty({ minimum: 1, example: 3 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(2_147_483_647)
  to!: number;
}

export class PatchOperationDto {
  @ApiProperty({ enum: ['add', 'remove', 'replace', 'move', 'copy', 'test'] })
  op!: string;
  @ApiProperty({ example: '/document/work/0/position' })
  path!: string;
  @ApiPropertyOptional({ ...ANY_JSON, description: 'For add, replace and test' })
  value?: unknown;
  @ApiPropertyOptional({ description: 'For move and copy' })
  from?: string;
}

export class ReadableChangeDto {
  @ApiProperty({ enum: ['add', 'remove', 'replace', 'move', 'copy', 'test'] })
  op!: string;
  @ApiProperty({ example: '/document/work/0/position' })
  path!: string;
  @ApiProperty({ example: 'document.work[0].position' })
  field!: string;
  @ApiPropertyOptional({ ...ANY_JSON, example: 'Engineer' })
  before?: unknown;
  @ApiPropertyOptional({ ...ANY_JSON, example: 'Lead Engineer' })
  after?: unknown;
  @ApiProperty({ example: 'Changed document.work[0].position from "Engineer" to "Lead Engineer"' })
  text!: string;
}

export class CvDiffDto {
  @ApiProperty({ example: 1 })
  from!: number;
  @ApiProperty({ example: 3 })
  to!: number;
  @ApiProperty({
    type: [PatchOperationDto],
    description: 'RFC 6902 JSON Patch turning version `from` into version `to`',
  })
  patch!: PatchOperationDto[];
  @ApiProperty({ type: [ReadableChangeDto] })
  changes!: ReadableChangeDto[];
}

export class LabelVersionDto {
  @ApiProperty({ example: 'sent to ACME, 2026-11-20', minLength: 1, maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @Matches(NO_NUL, { message: 'label must not contain U+0000' })
  label!: string;
}

export class CvVersionLabelDto {
  @ApiProperty({ example: 3 })
  version!: number;
  @ApiProperty({ example: 'sent to ACME, 2026-11-20' })
  label!: string;
  @ApiProperty({ format: 'date-time' })
  labelledAt!: string;
}
