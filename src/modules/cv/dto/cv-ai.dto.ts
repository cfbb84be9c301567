import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { AI_TONES, type AiTone } from '../ai/writer/ai-writer.port';
import { ENHANCEABLE_SECTIONS, type EnhanceableSection } from '../ai/ai-sections';
import type { CvAiSuggestion } from '../entities/cv-ai-suggestion.entity';
import { NO_NUL } from './cv.dto';

export const AI_PROVIDERS = ['openai', 'local'] as const;

export class EnhanceSectionDto {
  @ApiProperty({
    enum: ENHANCEABLE_SECTIONS,
    example: 'work',
    description: '`summary` is `basics.summary`; the others are JSON Resume list sections.',
  })
  @IsIn(ENHANCEABLE_SECTIONS)
  section!: EnhanceableSection;

  @ApiPropertyOptional({
    example: '0',
    description: 'One entry of the section: its index, or its `id` property. Default: all entries.',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  @Matches(NO_NUL)
  itemId?: string;

  @ApiPropertyOptional({ enum: AI_TONES, default: 'professional' })
  @IsOptional()
  @IsIn(AI_TONES)
  tone?: AiTone;
}

export class AiTokenUsageDto {
  @ApiProperty({ example: 412 })
  promptTokens!: number;
  @ApiProperty({ example: 96 })
  completionTokens!: number;
}

export class AiSuggestionDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty({ enum: ENHANCEABLE_SECTIONS, example: 'work' })
  section!: string;
  @ApiProperty({
    example: '/work/0/highlights/1',
    description: 'JSON Pointer (RFC 6901) into the CV’s document.',
  })
  path!: string;
  @ApiProperty({ example: 'Worked on the invoicing API' })
  original!: string;
  @ApiProperty({
    example: 'Built the invoicing API used by 2,000 merchants',
    description: 'Equals `original` when the only finding is advice (e.g. add a number).',
  })
  suggested!: string;
  @ApiProperty({ type: [String], example: ['Stronger action verb', 'Add a measurable result'] })
  reasons!: string[];
  @ApiProperty({ enum: ['pending', 'applied', 'dismissed'] })
  status!: string;
  @ApiProperty({ example: 3, description: 'The CV version the suggestion was made from.' })
  cvVersion!: number;
  @ApiProperty({ enum: AI_PROVIDERS })
  provider!: string;
  @ApiProperty({ example: 'gpt-4o' })
  model!: string;
  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  static from(row: CvAiSuggestion): AiSuggestionDto {
    return {
      id: row.id,
      section: row.section,
      path: row.path,
      original: row.original,
      suggested: row.suggested,
      reasons: row.reasons,
      status: row.status,
      cvVersion: row.cvVersion,
      provider: row.provider,
      model: row.model,
      createdAt: row.createdAt.toISOString(),
    };
  }
}

export class PendingAiSuggestionDto extends AiSuggestionDto {
  @ApiProperty({
    example: false,
    description: 'The text changed since: applying it answers 409 `ai.suggestion_stale`.',
  })
  stale!: boolean;
}

export class AiSuggestionPageDto {
  @ApiProperty({ type: [PendingAiSuggestionDto] })
  items!: PendingAiSuggestionDto[];
  @ApiProperty({ type: String, nullable: true })
  nextCursor!: string | null;
}

export class EnhanceResultDto {
  @ApiProperty({ type: [AiSuggestionDto] })
  suggestions!: AiSuggestionDto[];
  @ApiProperty({ enum: AI_PROVIDERS, description: '`local`: the rule-based writer answered.' })
  provider!: string;
  @ApiProperty({ example: 'gpt-4o' })
  model!: string;
  @ApiProperty({ type: AiTokenUsageDto })
  usage!: AiTokenUsageDto;
}

export class SuggestSkillsDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Skills for this CV (its skills are left out).',
  })
  @IsOptional()
  @IsUUID('7')
  cvId?: string;

  @ApiPropertyOptional({
    example: 'Backend Engineer',
    description: 'Target job title; default the CV’s `basics.label`.',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @Matches(NO_NUL)
  jobTitle?: string;
}

export class SuggestedSkillDto {
  @ApiProperty({ example: 'Kubernetes' })
  name!: string;
  @ApiPropertyOptional({ example: 'technical' })
  category?: string;
  @ApiPropertyOptional({ example: 'Asked for in most backend job ads' })
  reason?: string;
}

export class SkillsResultDto {
  @ApiProperty({ type: [SuggestedSkillDto] })
  skills!: SuggestedSkillDto[];
  @ApiProperty({ enum: AI_PROVIDERS })
  provider!: string;
  @ApiProperty({ example: 'gpt-4o-mini' })
  model!: string;
  @ApiProperty({ type: AiTokenUsageDto })
  usage!: AiTokenUsageDto;
}
