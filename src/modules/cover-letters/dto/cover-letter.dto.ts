import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { AI_TONES, type AiTone } from '../../cv';
import { NO_NUL } from '../../cv';
import type { CoverLetter } from '../entities/cover-letter.entity';
const LANGUAGE_TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
export const TITLE_MAX = 200;
export const JOB_DESCRIPTION_MAX = 20_000;
export const BODY_MAX = 20_000;

export class CreateCoverLetterDto {
  @ApiProperty({ format: 'uuid', description: 'The CV the letter is written from.' })
  @IsUUID('7')
  cvId!: string;

  @ApiPropertyOptional({
    example: 'We are looking for a backend engineer with Node.js and PostgreSQL…',
    description: 'The job ad. Exactly one of `jobDescription` and `jobId`.',
    maxLength: JOB_DESCRIPTION_MAX,
  })
  @IsOptional()
  @IsString()
  @MinLength(20)
  @MaxLength(JOB_DESCRIPTION_MAX)
  @Matches(NO_NUL, { message: 'jobDescription must not contain U+0000' })
  jobDescription?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'A job of `GET /v1/jobs`: the letter uses its title, company and description. ' +
      'An unknown id answers 422 `cover_letter.job_not_found`.',
  })
  @IsOptional()
  @IsUUID()
  jobId?: string;

  @ApiProperty({ enum: AI_TONES, example: 'professional' })
  @IsIn(AI_TONES)
  tone!: AiTone;

  @ApiPropertyOptional({
    example: 'en-GB',
    description: 'BCP 47 tag of the letter’s language; default the CV’s.',
  })
  @IsOptional()
  @Matches(LANGUAGE_TAG, { message: 'language must be a BCP 47 tag like en or en-GB' })
  language?: string;

  @ApiPropertyOptional({ example: 'ACME', maxLength: 200 })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @Matches(NO_NUL)
  company?: string;

  @ApiPropertyOptional({ example: 'Backend Engineer', maxLength: 200 })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @Matches(NO_NUL)
  jobTitle?: string;

  @ApiPropertyOptional({
    example: 'ACME – Backend Engineer',
    description:
      'Default: the subject the writer proposes, or one made from company and job title.',
    maxLength: TITLE_MAX,
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(TITLE_MAX)
  @Matches(NO_NUL)
  title?: string;
}

export class UpdateCoverLetterDto {
  @ApiPropertyOptional({ example: 'ACME – Backend Engineer (v2)', maxLength: TITLE_MAX })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(TITLE_MAX)
  @Matches(NO_NUL)
  title?: string;

  @ApiPropertyOptional({
    example: 'Dear ACME team,\n\nI build APIs…\n\nKind regards,\nAda Lovelace',
    maxLength: BODY_MAX,
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(BODY_MAX)
  @Matches(NO_NUL)
  body?: string;

  @ApiPropertyOptional({
    enum: AI_TONES,
    description: 'Recorded with the letter; the text is not rewritten.',
  })
  @IsOptional()
  @IsIn(AI_TONES)
  tone?: AiTone;
}

export class CoverLetterSummaryDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty({ format: 'uuid' })
  cvId!: string;
  @ApiProperty({ example: 'ACME – Backend Engineer' })
  title!: string;
  @ApiProperty({ type: String, nullable: true, example: 'ACME' })
  company!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Backend Engineer' })
  jobTitle!: string | null;
  @ApiProperty({ enum: AI_TONES })
  tone!: string;
  @ApiProperty({ example: 'en' })
  language!: string;
  @ApiProperty({ enum: ['openai', 'local'], description: 'Who wrote the first draft.' })
  provider!: string;
  @ApiProperty({ example: 'gpt-4o' })
  model!: string;
  @ApiProperty({ example: 1, description: 'Also sent as `ETag: "1"`.' })
  version!: number;
  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;

  static from(
    letter: Pick<
      CoverLetter,
      | 'id'
      | 'cvId'
      | 'title'
      | 'company'
      | 'jobTitle'
      | 'tone'
      | 'language'
      | 'provider'
      | 'model'
      | 'version'
      | 'createdAt'
      | 'updatedAt'
    >,
  ): CoverLetterSummaryDto {
    return {
      id: letter.id,
      cvId: letter.cvId,
      title: letter.title,
      company: letter.company ?? null,
      jobTitle: letter.jobTitle ?? null,
      tone: letter.tone,
      language: letter.language,
      provider: letter.provider,
      model: letter.model,
      version: letter.version,
      createdAt: letter.createdAt.toISOString(),
      updatedAt: letter.updatedAt.toISOString(),
    };
  }
}

export class CoverLetterDto extends CoverLetterSummaryDto {
  @ApiProperty({ example: 'Dear ACME team,\n\nI build APIs…\n\nKind regards,\nAda Lovelace' })
  body!: string;
  @ApiProperty({ example: 'We are looking for a backend engineer…' })
  jobDescription!: string;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' })
  jobId!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    format: 'uuid',
    description:
      'Who made the current version: the owner or a member of a team the letter is shared with ' +
      '(`edit`); null until the letter is first edited.',
  })
  updatedBy!: string | null;

  static override from(letter: CoverLetter): CoverLetterDto {
    return {
      ...CoverLetterSummaryDto.from(letter),
      body: letter.body,
      jobDescription: letter.jobDescription,
      jobId: letter.jobId ?? null,
      updatedBy: letter.updatedBy ?? null,
    };
  }
}

export class CoverLetterPageDto {
  @ApiProperty({ type: [CoverLetterSummaryDto] })
  items!: CoverLetterSummaryDto[];
  @ApiProperty({ type: String, nullable: true })
  nextCursor!: string | null;
}
