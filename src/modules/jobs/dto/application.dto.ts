import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import {
  APPLICATION_STATUSES,
  type ApplicationStatus,
  type JobApplication,
} from '../entities/job-application.entity';
import type { Job } from '../entities/job.entity';

export class CreateApplicationDto {
  @ApiProperty({ format: 'uuid', example: '01936f0e-7b7a-7c4e-9a51-2f0f1c2d3e4f' })
  @IsUUID()
  jobId!: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Your CV sent with it; its current version is recorded.',
  })
  @IsOptional()
  @IsUUID('7')
  cvId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Your cover letter sent with it.' })
  @IsOptional()
  @IsUUID('7')
  coverLetterId?: string;

  @ApiPropertyOptional({ enum: APPLICATION_STATUSES, default: 'interested' })
  @IsOptional()
  @IsIn(APPLICATION_STATUSES)
  status?: ApplicationStatus;

  @ApiPropertyOptional({ example: 'Referred by Sam.', maxLength: 5000 })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  notes?: string;

  @ApiPropertyOptional({
    format: 'date-time',
    description: 'Default: now when the status is `applied`.',
  })
  @IsOptional()
  @IsDateString()
  appliedAt?: string;
}

export class UpdateApplicationDto {
  @ApiPropertyOptional({ enum: APPLICATION_STATUSES, example: 'interviewing' })
  @IsOptional()
  @IsIn(APPLICATION_STATUSES)
  status?: ApplicationStatus;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Attach (another) CV; its current version is recorded.',
  })
  @IsOptional()
  @IsUUID('7')
  cvId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('7')
  coverLetterId?: string;

  @ApiPropertyOptional({ example: 'Second interview on Monday.', maxLength: 5000 })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  notes?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsDateString()
  appliedAt?: string;
}

export class ApplicationJobDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'Senior Backend Engineer' })
  title!: string;

  @ApiProperty({ example: 'Acme Analytics' })
  company!: string;

  @ApiProperty({ enum: ['active', 'expired'], example: 'active' })
  status!: string;
}

export class ApplicationDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ type: ApplicationJobDto })
  job!: ApplicationJobDto;

  @ApiProperty({ enum: APPLICATION_STATUSES, example: 'applied' })
  status!: string;

  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid' })
  cvId!: string | null;

  @ApiPropertyOptional({
    nullable: true,
    type: Number,
    example: 4,
    description: 'The CV version that went out.',
  })
  cvVersion!: number | null;

  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid' })
  coverLetterId!: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, example: 'Referred by Sam.' })
  notes!: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' })
  appliedAt!: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;

  static of(a: JobApplication, job: Job): ApplicationDto {
    return {
      id: a.id,
      job: { id: job.id, title: job.title, company: job.company, status: job.status },
      status: a.status,
      cvId: a.cvId ?? null,
      cvVersion: a.cvVersion ?? null,
      coverLetterId: a.coverLetterId ?? null,
      notes: a.notes ?? null,
      appliedAt: a.appliedAt?.toISOString() ?? null,
      createdAt: a.createdAt.toISOString(),
      updatedAt: a.updatedAt.toISOString(),
    };
  }
}

export class ApplicationPageDto {
  @ApiProperty({ type: [ApplicationDto] })
  items!: ApplicationDto[];

  @ApiPropertyOptional({ nullable: true, type: String, example: null })
  nextCursor!: string | null;
}
