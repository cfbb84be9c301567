import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiKeyScope, CurrentPrincipal, type Principal } from '@lib/authz';
import { Access, ApiProblems } from '../../common/access.decorator';
import { IdParam } from '../../common/id-param';
import { CvExportDto } from './dto/cv-export.dto';
import { GetExportQuery } from './queries/get-export/get-export.query';

/** `/v1/cv-exports`: an export queued with POST /v1/cvs/{id}/exports, and its download. */
@ApiTags('cvs')
@Controller({ path: 'cv-exports', version: '1' })
@Access('user')
export class CvExportsController {
  constructor(private readonly queries: QueryBus) {}
  @Get(':id')
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
