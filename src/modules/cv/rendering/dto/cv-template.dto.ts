import { ApiProperty } from '@nestjs/swagger';
import { CV_TEMPLATES, PAGE_SIZES, type CvTemplate, type PageSize } from '../../domain/resume';
import type { CvTemplateTier } from '../catalog';

export class CvTemplateDto {
  @ApiProperty({ enum: CV_TEMPLATES, example: 'modern' })
  name!: CvTemplate;

  @ApiProperty({
    enum: ['basic', 'premium'],
    example: 'basic',
    description:
      'basic: every plan; premium: plans with the premiumTemplates feature (Pro, Premium)',
  })
  tier!: CvTemplateTier;

  @ApiProperty({ example: 'Coloured header band, accent headings, dates beside each role.' })
  description!: string;

  @ApiProperty({ enum: PAGE_SIZES, isArray: true, example: ['A4', 'Letter'] })
  pageSizes!: PageSize[];

  @ApiProperty({
    example: '/v1/cv-templates/modern/preview.png',
    description: 'PNG of a sample CV in this template (top of an A4 page, 794×1123 px)',
  })
  previewUrl!: string;
}
