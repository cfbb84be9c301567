import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayUnique,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  ValidateNested,
} from 'class-validator';
import {
  CV_TEMPLATES,
  DEFAULT_CV_LAYOUT,
  PAGE_SIZES,
  RESUME_SECTIONS,
  type CvTemplate,
  type PageSize,
  type ResumeSection,
} from '../domain/resume';

export class CvThemeDto {
  @ApiPropertyOptional({ example: '#1f4e79', description: 'Hex colour, `#rgb` or `#rrggbb`' })
  @IsOptional()
  @Matches(/^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/, {
    message: 'accentColor must be a hex colour like #1f4e79',
  })
  accentColor?: string;

  @ApiPropertyOptional({
    example: 'Noto Sans',
    description: 'A font family name (letters, digits, spaces, hyphens)',
  })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9 -]{0,63}$/, { message: 'font must be a font family name' })
  font?: string;
}

/**
 * How a CV is laid out. Every field is optional in requests: what is left out
 * keeps its current value (or the default for a new CV).
 */
export class CvLayoutDto {
  @ApiPropertyOptional({ enum: CV_TEMPLATES, example: DEFAULT_CV_LAYOUT.template })
  @IsOptional()
  @IsIn(CV_TEMPLATES)
  template?: CvTemplate;

  @ApiPropertyOptional({ enum: PAGE_SIZES, example: 'A4' })
  @IsOptional()
  @IsIn(PAGE_SIZES)
  pageSize?: PageSize;

  @ApiPropertyOptional({ type: CvThemeDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => CvThemeDto)
  theme?: CvThemeDto;

  @ApiPropertyOptional({
    enum: RESUME_SECTIONS,
    isArray: true,
    example: ['work', 'education', 'skills'],
    description: 'Sections in rendering order; sections not listed follow in the default order.',
  })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(RESUME_SECTIONS, { each: true })
  sectionOrder?: ResumeSection[];

  @ApiPropertyOptional({ enum: RESUME_SECTIONS, isArray: true, example: ['references'] })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(RESUME_SECTIONS, { each: true })
  hiddenSections?: ResumeSection[];

  @ApiPropertyOptional({ example: 'en', description: 'BCP 47 language tag of the content' })
  @IsOptional()
  @Matches(/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, {
    message: 'language must be a BCP 47 tag like en or pt-BR',
  })
  language?: string;
}
