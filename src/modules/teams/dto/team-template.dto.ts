import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsString, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { CvLayoutDto } from '../../cv';
import type { TeamTemplate } from '../entities/team-template.entity';

export class SaveTemplateDto {
  @ApiProperty({ example: 'ACME house style', minLength: 1, maxLength: 120 })
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  name!: string;

  @ApiProperty({
    type: CvLayoutDto,
    description: 'A CV layout; fields left out take their defaults.',
  })
  @ValidateNested()
  @Type(() => CvLayoutDto)
  layout!: CvLayoutDto;
}

export class TeamTemplateDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'ACME house style' })
  name!: string;

  @ApiProperty({ type: CvLayoutDto, description: 'The full layout, defaults filled in.' })
  layout!: CvLayoutDto;

  @ApiProperty({ format: 'uuid' })
  createdBy!: string;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  static from(template: TeamTemplate): TeamTemplateDto {
    return {
      id: template.id,
      name: template.name,
      layout: template.layout,
      createdBy: template.createdBy,
      createdAt: template.createdAt.toISOString(),
    };
  }
}

export class TeamTemplateListDto {
  @ApiProperty({ type: [TeamTemplateDto] })
  items!: TeamTemplateDto[];
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The next page’s `cursor`; null on the last.',
  })
  nextCursor!: string | null;
}
