import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiAcceptedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { Access, ApiProblems } from '../../common/access.decorator';
import { RequestSourceRunCommand } from './commands/request-source-run/request-source-run.command';
import { JobSourceHealthListDto, JobSourceRunDto } from './dto/job-source.dto';
import { ListSourceHealthQuery } from './queries/list-source-health/list-source-health.query';

@ApiTags('admin')
@Controller({ path: 'admin/jobs/sources', version: '1' })
@Access('admin')
export class AdminJobsSourcesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Job sources with their ingestion health (last success, error rate, postings added)',
  })
  @ApiOkResponse({ type: JobSourceHealthListDto })
  list(): Promise<JobSourceHealthListDto> {
    return this.queries.execute(new ListSourceHealthQuery());
  }

  @Post(':source/run')
  @HttpCode(202)
  @ApiOperation({ summary: 'Queue a run of one active source now (once across replicas)' })
  @ApiParam({ name: 'source', example: 'sample' })
  @ApiAcceptedResponse({ type: JobSourceRunDto })
  @ApiProblems(404, 409)
  run(@Param('source') source: string): Promise<JobSourceRunDto> {
    return this.commands.execute(new RequestSourceRunCommand(source));
  }
}
