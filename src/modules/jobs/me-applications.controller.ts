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
import { CreateApplicationCommand } from './commands/create-application/create-application.command';
import { DeleteApplicationCommand } from './commands/delete-application/delete-application.command';
import { UpdateApplicationCommand } from './commands/update-application/update-application.command';
import {
  ApplicationDto,
  ApplicationPageDto,
  CreateApplicationDto,
  UpdateApplicationDto,
} from './dto/application.dto';
import { ListApplicationsQuery } from './queries/list-applications/list-applications.query';
import { Idempotent } from '../idempotency';

@ApiTags('jobs')
@Controller({ path: 'me/applications', version: '1' })
@Access('user')
export class MeApplicationsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @Idempotent()
  @ApiKeyScope('applications:write')
  @ApiOperation({
    summary: 'Track an application to a job (status, notes, dates, CV version and letter sent)',
  })
  @ApiCreatedResponse({ type: ApplicationDto })
  @ApiProblems(400, 404, 409)
  create(
    @CurrentPrincipal() actor: Principal,
    @Body() body: CreateApplicationDto,
  ): Promise<ApplicationDto> {
    return this.commands.execute(new CreateApplicationCommand(actor, body));
  }

  @Get()
  @ApiKeyScope('applications:read')
  @ApiOperation({ summary: 'Your tracked applications, newest first' })
  @ApiOkResponse({ type: ApplicationPageDto })
  @ApiProblems(400)
  list(
    @CurrentPrincipal() actor: Principal,
    @QueryParams() query: CursorQueryDto,
  ): Promise<ApplicationPageDto> {
    return this.queries.execute(new ListApplicationsQuery(actor.userId, query.limit, query.cursor));
  }

  @Patch(':id')
  @ApiKeyScope('applications:write')
  @ApiOperation({ summary: 'Change an application’s status, notes, dates or attachments' })
  @ApiOkResponse({ type: ApplicationDto })
  @ApiProblems(400, 404)
  update(
    @CurrentPrincipal() actor: Principal,
    @IdParam() id: string,
    @Body() body: UpdateApplicationDto,
  ): Promise<ApplicationDto> {
    return this.commands.execute(new UpdateApplicationCommand(actor, id, body));
  }

  @Delete(':id')
  @ApiKeyScope('applications:write')
  @HttpCode(204)
  @ApiOperation({ summary: 'Stop tracking an application' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblems(400, 404)
  async remove(@CurrentPrincipal() actor: Principal, @IdParam() id: string): Promise<void> {
    await this.commands.execute(new DeleteApplicationCommand(actor, id));
  }
}
