import { Controller, Get, Query as QueryParams } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, ApiProblems } from '../../common/access.decorator';
import { AuditEventPageDto, AuditEventsQueryDto, ChainVerificationDto } from './dto/audit.dto';
import { ListAuditEventsQuery } from './queries/list-events/list-audit-events.query';
import { VerifyChainQuery } from './queries/verify-chain/verify-chain.query';

@ApiTags('admin')
@Controller({ path: 'admin/audit', version: '1' })
@Access('admin')
export class AuditController {
  constructor(private readonly queries: QueryBus) {}

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
}
