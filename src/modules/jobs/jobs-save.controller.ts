import { Controller, Delete, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiKeyScope, CurrentPrincipal, type Principal } from '@lib/authz';
import { Access, ApiProblems } from '../../common/access.decorator';
import { IdParam } from '../../common/id-param';
import { SaveJobCommand } from './commands/save-job/save-job.command';
import { UnsaveJobCommand } from './commands/unsave-job/unsave-job.command';
import { SavedJobDto } from './dto/saved-job.dto';

@ApiTags('jobs')
@Controller({ path: 'jobs/:id/save', version: '1' })
@Access('user')
export class JobsSaveController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiKeyScope('jobs:write')
  @HttpCode(200)
  @ApiOperation({ summary: 'Save a job (idempotent; counts against the plan’s savedJobs quota)' })
  @ApiOkResponse({ type: SavedJobDto })
  @ApiProblems(400, 404)
  save(@CurrentPrincipal() actor: Principal, @IdParam() id: string): Promise<SavedJobDto> {
    return this.commands.execute(new SaveJobCommand(actor, id));
  }

  @Delete()
  @ApiKeyScope('jobs:write')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a job from your saved jobs' })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiProblems(400, 404)
  async unsave(@CurrentPrincipal() actor: Principal, @IdParam() id: string): Promise<void> {
    await this.commands.execute(new UnsaveJobCommand(actor, id));
  }
}
