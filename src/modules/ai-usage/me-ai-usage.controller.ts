import { Controller, Get, Query as QueryParams } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiKeyScope, CurrentPrincipal, type Principal } from '@lib/authz';
import { Problem } from '@lib/problems';
import { Access, ApiProblems } from '../../common/access.decorator';
import { AiUsageDto, AiUsageQueryDto } from './dto/ai-usage.dto';
import { GetAiUsageQuery } from './queries/get-ai-usage/get-ai-usage.query';

const DEFAULT_PERIOD_MS = 30 * 24 * 3_600_000;

@ApiTags('ai')
@Controller({ path: 'me/ai-usage', version: '1' })
@Access('user')
export class AiUsageController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiKeyScope('me:read')
  @ApiOperation({
    summary: 'The caller’s AI usage: calls and tokens per operation and model',
    description:
      'Totals for `[from, to)` (default: the last 30 days), and the answered calls of the last 60 ' +
      'minutes against the plan’s `aiCallsPerHour`.',
  })
  @ApiOkResponse({ type: AiUsageDto })
  @ApiProblems(400)
  get(
    @CurrentPrincipal() principal: Principal,
    @QueryParams() query: AiUsageQueryDto,
  ): Promise<AiUsageDto> {
    const to = query.to ? new Date(query.to) : new Date();
    const from = query.from ? new Date(query.from) : new Date(to.getTime() - DEFAULT_PERIOD_MS);
    if (from >= to) {
      throw Problem.badRequest('validation.failed', '`from` must be before `to`', [
        { path: '$.from', message: 'from must be before to' },
      ]);
    }
    return this.queries.execute(new GetAiUsageQuery(principal, from, to));
  }
}
