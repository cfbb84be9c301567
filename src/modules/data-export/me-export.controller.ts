import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '@lib/authz';
import { RateLimit } from '@lib/rate-limit';
import { Access, ApiProblems } from '../../common/access.decorator';
import { IdParam } from '../../common/id-param';
import { RequestDataExportCommand } from './commands/request-data-export/request-data-export.command';
import { DataExportAcceptedDto, DataExportDto } from './dto/data-export.dto';
import { GetDataExportQuery } from './queries/get-data-export/get-data-export.query';

/** `/v1/me/export`: a copy of all the signed-in user's data (GDPR access request). */
@ApiTags('me')
@Controller({ path: 'me/export', version: '1' })
@Access('user')
export class MeExportController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @HttpCode(202)
  @RateLimit('dataExport')
  @ApiOperation({
    summary: 'Ask for a ZIP of all your data (one an hour); a signed link is emailed when ready',
    description:
      'Builds, in the background, a ZIP with one folder per part of the product (profile and ' +
      'sessions, CVs and versions, cover letters, files, billing, jobs, social, notifications, ' +
      'analytics, audit events) and a manifest. Never secrets, hashes or tokens. The ZIP is ' +
      'deleted after DATA_EXPORT_TTL_HOURS.',
  })
  @ApiAcceptedResponse({ type: DataExportAcceptedDto })
  @ApiProblems(503)
  request(@CurrentPrincipal() principal: Principal): Promise<DataExportAcceptedDto> {
    return this.commands.execute(new RequestDataExportCommand(principal.userId, principal.userId));
  }

  @Get(':id')
  @ApiOperation({
    summary: 'A data export’s status; when ready, a short-lived signed download URL',
  })
  @ApiOkResponse({ type: DataExportDto })
  @ApiProblems(400, 404)
  get(@CurrentPrincipal() principal: Principal, @IdParam() id: string): Promise<DataExportDto> {
    return this.queries.execute(new GetDataExportQuery(principal.userId, id));
  }
}
