import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Patch,
  Post,
  Query as QueryParams,
} from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiKeyScope, CurrentPrincipal, type Principal } from '@lib/authz';
import { Access, ApiProblems } from '../../common/access.decorator';
import { IdParam } from '../../common/id-param';
import { CursorQueryDto } from '../../common/pagination';
import { CreateJobAlertCommand } from './commands/create-job-alert/create-job-alert.command';
import { DeleteJobAlertCommand } from './commands/delete-job-alert/delete-job-alert.command';
import { UpdateJobAlertCommand } from './commands/update-job-alert/update-job-alert.command';
import {
  CreateJobAlertDto,
  JobAlertDto,
  JobAlertPageDto,
  UpdateJobAlertDto,
} from './dto/job-alert.dto';
import { ListJobAlertsQuery } from './queries/list-job-alerts/list-job-alerts.query';
import { Idempotent } from '../idempotency';

@ApiTags('jobs')
@Controller({ path: 'me/job-alerts', version: '1' })
@Access('user')
export class MeJobAlertsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @Idempotent()
  @ApiKeyScope('jobs:write')
  @ApiOperation({
    summary: 'Save a search that mails new matching jobs (daily or weekly digest)',
    description:
      'Filters are those of `GET /v1/jobs`. Jobs first seen after the alert’s watermark go into its next digest, at `hour` in `timezone` (weekly: Mondays). Beyond the plan’s `savedSearches` quota: 403 `plan.quota_exceeded` with the plan that allows more.',
  })
  @ApiCreatedResponse({ type: JobAlertDto })
  @ApiProblems(400, 403)
  create(
    @CurrentPrincipal() actor: Principal,
    @Body() body: CreateJobAlertDto,
  ): Promise<JobAlertDto> {
    return this.commands.execute(new CreateJobAlertCommand(actor, body));
  }

  @Get()
  @ApiKeyScope('jobs:read')
  @ApiOperation({ summary: 'Your job alerts, newest first' })
  @ApiOkResponse({ type: JobAlertPageDto })
  @ApiProblems(400)
  list(
    @CurrentPrincipal() actor: Principal,
    @QueryParams() query: CursorQueryDto,
  ): Promise<JobAlertPageDto> {
    return this.queries.execute(new ListJobAlertsQuery(actor.userId, query.limit, query.cursor));
  }

  @Patch(':id')
  @ApiKeyScope('jobs:write')
  @ApiOperation({
    summary: 'Change a job alert’s query, filters or schedule',
    description: 'Given filters replace the old ones. Already mailed jobs are not mailed again.',
  })
  @ApiOkResponse({ type: JobAlertDto })
  @ApiProblems(400, 404)
  update(
    @CurrentPrincipal() actor: Principal,
    @IdParam() id: string,
    @Body() body: UpdateJobAlertDto,
  ): Promise<JobAlertDto> {
    return this.commands.execute(new UpdateJobAlertCommand(actor, id, body));
  }

  @Delete(':id')
  @ApiKeyScope('jobs:write')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a job alert' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblems(400, 404)
  async remove(@CurrentPrincipal() actor: Principal, @IdParam() id: string): Promise<void> {
    await this.commands.execute(new DeleteJobAlertCommand(actor, id));
  }
}
