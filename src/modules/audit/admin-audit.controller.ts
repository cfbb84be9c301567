import { Controller, Get, HttpCode, Post, Query as QueryParams } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, ApiProblems } from '../../common/access.decorator';
import { IdParam } from '../../common/id-param';
import { CursorQueryDto } from '../../common/pagination';
import { RetryDeadLetterCommand } from './commands/retry-dead-letter/retry-dead-letter.command';
import { AuditEventPageDto, AuditEventsQueryDto, ChainVerificationDto } from './dto/audit.dto';
import { EventDeliveryDto, EventDeliveryPageDto } from './dto/dead-letter.dto';
import { ListDeadLettersQuery } from './queries/list-dead-letters/list-dead-letters.query';
import { ListAuditEventsQuery } from './queries/list-events/list-audit-events.query';
import { VerifyChainQuery } from './queries/verify-chain/verify-chain.query';

/**
 * `/v1/admin/audit`: the audit trail (event store), its hash chain, and the event
 * deliveries that gave up after their last attempt (dead letters) with their retry.
 */
@ApiTags('admin')
@Controller({ path: 'admin/audit', version: '1' })
@Access('admin')
export class AuditController {
  constructor(
    private readonly queries: QueryBus,
    private readonly commands: CommandBus,
  ) {}

  @Get('events')
  @ApiOperation({ summary: 'Search the audit trail (event store), newest first' })
  @ApiOkResponse({ type: AuditEventPageDto })
  @ApiProblems(400)
  events(@QueryParams() filter: AuditEventsQueryDto): Promise<AuditEventPageDto> {
    const { actor, ...rest } = filter;
    return this.queries.execute(new ListAuditEventsQuery({ ...rest, actorId: actor }));
  }

  @Get('verify')
  @ApiOperation({
    summary: 'Verify the hash chain and report the first broken link',
    description:
      'Recomputes the HMAC chain (key outside the database) and compares it with the signed ' +
      'checkpoints kept outside the database (AUDIT_ANCHOR_DRIVER): an edited event, a chain ' +
      'recomputed without the key, and events cut from the tail all make `valid: false`.',
  })
  @ApiOkResponse({ type: ChainVerificationDto })
  verify(): Promise<ChainVerificationDto> {
    return this.queries.execute(new VerifyChainQuery());
  }

  @Get('dead-letters')
  @ApiOperation({
    operationId: 'deadLetters_list',
    summary: 'Event deliveries that failed every attempt (dead letters), newest first',
  })
  @ApiOkResponse({ type: EventDeliveryPageDto })
  @ApiProblems(400)
  listDeadLetters(@QueryParams() query: CursorQueryDto): Promise<EventDeliveryPageDto> {
    return this.queries.execute(new ListDeadLettersQuery(query.limit, query.cursor));
  }

  @Post('dead-letters/:id/retry')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'deadLetters_retry',
    summary: 'Retry a dead letter: a fresh set of attempts, the first one due at once',
  })
  @ApiOkResponse({ type: EventDeliveryDto })
  @ApiProblems(400, 404, 409)
  retryDeadLetter(@IdParam() id: string): Promise<EventDeliveryDto> {
    return this.commands.execute(new RetryDeadLetterCommand(id));
  }
}
