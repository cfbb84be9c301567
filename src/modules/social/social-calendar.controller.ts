import { Controller, Get, Query as QueryParams } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiKeyScope, CurrentPrincipal, type Principal } from '@lib/authz';
import { Access, ApiProblems } from '../../common/access.decorator';
import { SocialCalendarDto, SocialRangeQueryDto } from './dto/social-insights.dto';
import { CalendarQuery } from './queries/calendar/calendar.query';

@ApiTags('social')
@Controller({ path: 'social/calendar', version: '1' })
@Access('user', { feature: 'socialBasics' })
export class SocialCalendarController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiKeyScope('social:read')
  @ApiOperation({ summary: 'Scheduled, published, failed and unconfirmed targets per UTC day' })
  @ApiOkResponse({ type: SocialCalendarDto })
  @ApiProblems(400)
  calendar(
    @CurrentPrincipal() actor: Principal,
    @QueryParams() query: SocialRangeQueryDto,
  ): Promise<SocialCalendarDto> {
    return this.queries.execute(new CalendarQuery(actor.userId, query.from, query.to));
  }
}
