import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { JobSummaryDto } from './job.dto';

export class JobMatchQueryDto {
  @ApiProperty({ format: 'uuid', description: 'One of your CVs.' })
  @IsUUID('7')
  cvId!: string;
}

export class RecommendedJobsQueryDto extends JobMatchQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 20, default: 10 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(20)
  limit: number = 10;
}

export class JobMatchExplanationDto {
  @ApiProperty({
    example:
      'Your CV is a partial match for Senior Backend Engineer (58/100). Lead with typescript, postgresql: the job asks for them and your CV shows them.',
  })
  text!: string;

  @ApiProperty({ enum: ['openai', 'local'], example: 'local' })
  provider!: string;

  @ApiProperty({ example: 'rules-v1' })
  model!: string;
}

export class JobMatchDto {
  @ApiProperty({ format: 'uuid' })
  jobId!: string;

  @ApiProperty({ format: 'uuid' })
  cvId!: string;

  @ApiProperty({
    minimum: 0,
    maximum: 100,
    example: 58,
    description:
      'Deterministic: the job’s skills your CV shows (60 %) and its keywords your CV mentions (40 %).',
  })
  score!: number;

  @ApiProperty({ type: [String], example: ['typescript', 'postgresql'] })
  matchedSkills!: string[];

  @ApiProperty({ type: [String], example: ['kubernetes', 'kafka'] })
  missingSkills!: string[];

  @ApiProperty({ type: [String], example: ['payment', 'apis'] })
  matchedKeywords!: string[];

  @ApiProperty({ type: [String], example: ['mentor', 'performance'] })
  missingKeywords!: string[];

  @ApiPropertyOptional({
    nullable: true,
    type: JobMatchExplanationDto,
    description:
      'Pro and Premium (`aiEnhancement`): an AI-assisted explanation (local rules without a configured model). Null on Free.',
  })
  explanation!: JobMatchExplanationDto | null;
}

export class RecommendedJobDto {
  @ApiProperty({ type: JobSummaryDto })
  job!: JobSummaryDto;

  @ApiProperty({ type: JobMatchDto })
  match!: JobMatchDto;
}

export class RecommendedJobsDto {
  @ApiProperty({ type: [RecommendedJobDto], description: 'Best match first.' })
  items!: RecommendedJobDto[];
}
