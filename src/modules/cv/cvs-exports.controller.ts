import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiAcceptedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiKeyScope, CurrentPrincipal, type Principal } from '@lib/authz';
import { Access, ApiProblems } from '../../common/access.decorator';
import { IdParam } from '../../common/id-param';
import { RequestExportCommand } from './commands/request-export/request-export.command';
import { CreateExportDto, ExportAcceptedDto } from './dto/cv-export.dto';
import { Idempotent } from '../idempotency';

/** `/v1/cvs/{id}/exports`: queue an export of the CV; it is polled under /v1/cv-exports. */
@ApiTags('cvs')
@Controller({ path: 'cvs/:id/exports', version: '1' })
@Access('user')
export class CvsExportsController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Idempotent()
  @HttpCode(202)
  @ApiKeyScope('cv:read')
  @ApiOperation({
    operationId: 'cvExports_create',
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
}
