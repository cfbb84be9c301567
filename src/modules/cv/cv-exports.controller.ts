import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiKeyScope, CurrentPrincipal, type Principal } from '@lib/authz';
import { Access, ApiProblems } from '../../common/access.decorator';
import { IdParam } from '../../common/id-param';
import { RequestExportCommand } from './commands/request-export/request-export.command';
import { CreateExportDto, CvExportDto, ExportAcceptedDto } from './dto/cv-export.dto';
import { GetExportQuery } from './queries/get-export/get-export.query';

@ApiTags('cvs')
@Controller({ version: '1' })
@Access('user')
export class CvExportsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post('cvs/:id/exports')
  @HttpCode(202)
  @ApiKeyScope('cv:read')
  @ApiOperation({
    summary: 'Export the CV’s current version as PDF, DOCX, JSON Resume or HTML',
    description:
      'Rendered in the background; poll `GET /v1/cv-exports/{exportId}`. When the same content was ' +
      'rendered before, the export is `ready` at once. A premium template without the ' +
      '`premiumTemplates` feature: 403 `plan.upgrade_required`.',
  })
  @ApiAcceptedResponse({ type: ExportAcceptedDto })
  @ApiProblems(400, 403, 404, 503)
  create(
    @CurrentPrincipal() principal: Principal,
    @IdParam() id: string,
    @Body() body: CreateExportDto,
  ): Promise<ExportAcceptedDto> {
    return this.commands.execute(
      new RequestExportCommand(principal, id, body.format, {
        template: body.template,
        pageSize: body.pageSize,
      }),
    );
  }

  @Get('cv-exports/:id')
  @ApiKeyScope('cv:read')
  @ApiOperation({
    summary: 'An export’s status and progress; when ready, a short-lived signed download URL',
  })
  @ApiOkResponse({ type: CvExportDto })
  @ApiProblems(400, 404)
  get(@CurrentPrincipal() principal: Principal, @IdParam() id: string): Promise<CvExportDto> {
    return this.queries.execute(new GetExportQuery(principal, id));
  }
}
