import { Controller, Get, Header, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Cacheable } from '@lib/cache';
import { Problem } from '@lib/problems';
import { Access, ApiProblems } from '../../common/access.decorator';
import { CV_TEMPLATES } from './domain/resume';
import { isCvTemplate, listCvTemplates } from './rendering/catalog';
import { CvRenderingService } from './rendering/cv-rendering.service';
import { CvTemplateDto } from './rendering/dto/cv-template.dto';

/** The template list, built once: frozen, so `@Cacheable` serializes and hashes it once. */
const TEMPLATES: readonly CvTemplateDto[] = Object.freeze(
  listCvTemplates().map((template) => ({
    ...template,
    pageSizes: [...template.pageSizes],
    previewUrl: `/v1/cv-templates/${template.name}/preview.png`,
  })),
);

@ApiTags('cv-templates')
@Controller({ path: 'cv-templates', version: '1' })
@Access('public')
export class CvTemplatesController {
  constructor(private readonly rendering: CvRenderingService) {}

  @Get()
  @Cacheable({ ttl: 'apiRead', scope: 'public' })
  @ApiOperation({ summary: 'The CV templates, their plan tier, page sizes and preview images' })
  @ApiOkResponse({ type: [CvTemplateDto] })
  list(): readonly CvTemplateDto[] {
    return TEMPLATES;
  }

  @Get(':name/preview.png')
  @Header('Content-Type', 'image/png')
  @Header('Cache-Control', 'public, max-age=86400')
  @ApiOperation({ summary: 'A sample CV rendered with this template, as a PNG' })
  @ApiParam({ name: 'name', enum: CV_TEMPLATES })
  @ApiProduces('image/png')
  @ApiOkResponse({
    description: 'PNG image',
    content: { 'image/png': { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiProblems(404, 503)
  preview(@Param('name') name: string): Promise<Buffer> {
    if (!isCvTemplate(name)) throw Problem.notFound('CV template', 'cv.template_not_found');
    return this.rendering.previewPng(name);
  }
}
