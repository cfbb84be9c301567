import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Job } from '../entities/job.entity';
import type { SavedJob } from '../entities/saved-job.entity';

export class SavedJobDto {
  @ApiProperty({ format: 'uuid', example: '01936f0e-7b7a-7c4e-9a51-2f0f1c2d3e4f' })
  jobId!: string;

  @ApiProperty({ example: 'Senior Backend Engineer' })
  title!: string;

  @ApiProperty({ example: 'Acme Analytics' })
  company!: string;

  @ApiPropertyOptional({ nullable: true, type: String, example: 'Berlin, Germany' })
  location!: string | null;

  @ApiProperty({
    enum: ['active', 'expired'],
    example: 'active',
    description: 'Expired jobs stay saved.',
  })
  status!: string;

  @ApiProperty({ format: 'date-time' })
  savedAt!: string;

  static of(saved: SavedJob, job: Job): SavedJobDto {
    return {
      jobId: job.id,
      title: job.title,
      company: job.company,
      location: job.location ?? null,
      status: job.status,
      savedAt: saved.createdAt.toISOString(),
    };
  }
}

export class SavedJobPageDto {
  @ApiProperty({ type: [SavedJobDto] })
  items!: SavedJobDto[];

  @ApiPropertyOptional({ nullable: true, type: String, example: null })
  nextCursor!: string | null;
}
