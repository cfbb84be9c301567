import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiAcceptedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { Principal } from '@lib/authz';
import { RateLimit } from '@lib/rate-limit';
import { Access, ApiProblems } from '../../common/access.decorator';
import { RecordClientEventsCommand } from './commands/record-client-events/record-client-events.command';
import { ClientEventsAcceptedDto, RecordClientEventsDto } from './dto/client-events.dto';

@ApiTags('analytics')
@Controller({ path: 'analytics/events', version: '1' })
export class AnalyticsEventsController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(202)
  @Access('public', { signIn: 'optional' })
  @RateLimit('clientEvents')
  @ApiOperation({
    summary: 'Record client events (page views, UI interactions) of the catalogue, with consent',
    description:
      'Anonymous callers send their GA `clientId`; a signed-in caller’s events carry its user id. ' +
      'Up to 25 events, each a name of the client catalogue with its parameters (GA4 rules). ' +
      'Without `consent.analytics` nothing is stored or forwarded (202, `stored: 0`). ' +
      'Events are timed by the server and forwarded to GA4 when it is configured.',
  })
  @ApiAcceptedResponse({ type: ClientEventsAcceptedDto })
  @ApiProblems(400, 422)
  record(
    @Body() body: RecordClientEventsDto,
    @Req() request: FastifyRequest & { principal?: Principal },
  ): Promise<ClientEventsAcceptedDto> {
    return this.commands.execute(
      new RecordClientEventsCommand(
        request.principal?.userId ?? null,
        body.clientId,
        body.consent.analytics,
        body.events,
      ),
    );
  }
}
