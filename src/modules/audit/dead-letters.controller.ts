import { Controller, Get, HttpCode, Post, Query as QueryParams } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, ApiProblems } from '../../common/access.decorator';
import { IdParam } from '../../common/id-param';
import { CursorQueryDto } from '../../common/pagination';
import { RetryDeadLetterCommand } from './commands/retry-dead-letter/retry-dead-letter.command';
import { EventDeliveryDto, EventDeliveryPageDto } from './dto/dead-letter.dto';
import { ListDeadLettersQuery } from './queries/list-dead-letters/list-dead-letters.query';

/** Event deliveries that gave up after their last attempt, and retrying them. */
@ApiTags('admin')
@Controller({ path: 'admin/audit/dead-letters', version: '1' })
@Access('admin')
export class DeadLettersController {
  constructor(
    private readonly queries: QueryBus,
    private readonly commands: CommandBus,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Event deliveries that failed every attempt (dead letters), newest first',
  })
  @ApiOkResponse({ type: EventDeliveryPageDto })
  @ApiProblems(400)
  list(@QueryParams() query: CursorQueryDto): Promise<EventDeliveryPageDto> {
    return this.queries.execute(new ListDeadLettersQuery(query.limit, query.cursor));
  }

  @Post(':id/retry')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Retry a dead letter: a fresh set of attempts, the first one due at once',
  })
  @ApiOkResponse({ type: EventDeliveryDto })
  @ApiProblems(400, 404, 409)
  retry(@IdParam() id: string): Promise<EventDeliveryDto> {
    return this.commands.execute(new RetryDeadLetterCommand(id));
  }
}
