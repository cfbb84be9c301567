import { Controller, Get, Param, Query as QueryParams } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Access, ApiProblems } from '../../common/access.decorator';
import {
  EmailPreviewDto,
  EmailTemplateListDto,
  PreviewTemplateQueryDto,
} from './dto/email-template.dto';
import { ListEmailTemplatesQuery } from './queries/list-templates/list-templates.query';
import { PreviewEmailTemplateQuery } from './queries/preview-template/preview-template.query';

@ApiTags('admin')
@Controller({ path: 'admin/notifications', version: '1' })
@Access('admin')
export class AdminNotificationsController {
  constructor(private readonly queries: QueryBus) {}

  @Get('templates')
  @ApiOperation({ summary: 'Every email template, with the languages it is written in' })
  @ApiOkResponse({ type: EmailTemplateListDto })
  templates(): Promise<EmailTemplateListDto> {
    return this.queries.execute(new ListEmailTemplatesQuery());
  }

  @Get('templates/:type/preview')
  @ApiOperation({
    summary: 'Render a template with sample data, as HTML and text',
    description: 'A language the template lacks falls back to English (`language` says which).',
  })
  @ApiParam({ name: 'type', example: 'password-reset', description: 'Template id' })
  @ApiOkResponse({ type: EmailPreviewDto })
  @ApiProblems(400, 404)
  preview(
    @Param('type') type: string,
    @QueryParams() query: PreviewTemplateQueryDto,
  ): Promise<EmailPreviewDto> {
    return this.queries.execute(new PreviewEmailTemplateQuery(type, query.lang));
  }
}
