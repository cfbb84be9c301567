import { Controller, Get, Query as QueryParams } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, ApiProblems } from '../../common/access.decorator';
import { AuditEventPageDto } from './dto/audit.dto';
import {
  SecurityEventsQueryDto,
  SecuritySummaryDto,
  SecuritySummaryQueryDto,
} from './dto/security.dto';
import { ListAuditEventsQuery } from './queries/list-events/list-audit-events.query';
import { SecuritySummaryQuery } from './queries/security-summary/security-summary.query';

@ApiTags('admin')
@Controller({ path: 'admin/security', version: '1' })
@Access('admin')
export class SecurityController {
  constructor(private readonly queries: QueryBus) {}

  @Get('events')
  @ApiOperation({
    summary: 'Security events (failed logins, lockouts, token reuse, rate limits…), newest first',
  })
  @ApiOkResponse({ type: AuditEventPageDto })
  @ApiProblems(400)
  events(@QueryParams() filter: SecurityEventsQueryDto): Promise<AuditEventPageDto> {
    return this.queries.execute(new ListAuditEventsQuery({ ...filter, typePrefix: 'security.' }));
  }

  @Get('summary')
  @ApiOperation({
    summary: 'Security events per type per hour and the top IPs (default: last 24 h)',
  })
  @ApiOkResponse({ type: SecuritySummaryDto })
  @ApiProblems(400)
  summary(@QueryParams() query: SecuritySummaryQueryDto): Promise<SecuritySummaryDto> {
    return this.queries.execute(new SecuritySummaryQuery(query.hours));
  }
}
